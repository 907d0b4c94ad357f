from checker.cli import run

# Guarded: worker processes started with spawn/forkserver (macOS, Windows, or when fork is
# unsafe) import the main module again, and must not run the command a second time.
if __name__ == "__main__":
    run()
