"""`roster-check serve`: the upload page, the results store and the JSON API.

    app.py         the web application (FastAPI): pages, downloads, the JSON API
    pages.py       the page texts (messages/*.yaml) and the Jinja2 environment
    uploads.py     what an uploaded file is: its safe name, its type judged by content
    checking.py    the worker processes that check rosters, warm, off the event loop
    store.py       the database (SQLAlchemy): accounts, grants, submissions; originals on disk
    access.py      who may read or upload what: roles per mission, region or everything
    passwords.py   password hashing (argon2), API tokens, CSRF tokens
    throttle.py    login attempts: a wait after too many wrong passwords
    commands.py    what `serve`, `db upgrade`, `user add` and `report --db` do
    migrations/    Alembic: the database schema, upgraded by `roster-check db upgrade`

Nothing here re-implements the checker: a submission's result is exactly the JSON of
`roster-check check --format json` for the uploaded file.
"""
