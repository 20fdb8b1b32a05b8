"""The peer of "save one highlight": SQLite in WAL mode with synchronous=FULL, each save its own
transaction, on the same disk, in the same benchmark run. Prints the milliseconds of each save as
JSON. Usage: sqlite-save.py <database path> <rows already there> <saves> <row JSON>"""
import json
import sqlite3
import sys
import time

path, existing, saves, row = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS highlights (id TEXT PRIMARY KEY, document TEXT, json TEXT)")
db.execute("BEGIN")
for i in range(existing):
    db.execute("INSERT INTO highlights VALUES (?, ?, ?)", (f"old-{i}", "doc", row))
db.execute("COMMIT")
times = []
for i in range(saves + 1):
    start = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO highlights VALUES (?, ?, ?)", (f"new-{i}", "doc", row))
    db.execute("COMMIT")
    if i > 0:  # the first save warms up
        times.append((time.perf_counter() - start) * 1000)
db.close()
print(json.dumps(times))
