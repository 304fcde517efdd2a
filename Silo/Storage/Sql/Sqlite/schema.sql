-- GSLTS embedded schema for Orleans ADO.NET grain storage and reminders on SQLite.
-- Every statement is idempotent; statements are separated by lines reading GO.
PRAGMA journal_mode = WAL
GO
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
)
GO
-- One row per grain state. The extension string is '' rather than NULL so the unique key holds.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT NOT NULL,
    GrainIdExtensionString TEXT NOT NULL,
    ServiceId              TEXT NOT NULL,
    PayloadBinary          BLOB NULL,
    ModifiedOn             TEXT NOT NULL,
    Version                INTEGER NOT NULL,
    UNIQUE (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
)
GO
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT NOT NULL,
    GrainId      TEXT NOT NULL,
    ReminderName TEXT NOT NULL,
    StartTime    TEXT NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
)
GO
CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash)
