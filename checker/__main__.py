from checker.cli import run

# Guarded: worker processes started by `spawn`/`forkserver` (report --jobs) import this module.
if __name__ == "__main__":
    run()
