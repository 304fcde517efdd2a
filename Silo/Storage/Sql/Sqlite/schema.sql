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

GO
-- The days of stock grains, written by the stock store of each silo in one transaction for many stocks (dates are yyyymmdd,
-- times UTC ticks, minutes since KST midnight). The summary of a stock, rewritten while it trades:
CREATE TABLE IF NOT EXISTS GsltsStockDay
(
    Code          TEXT NOT NULL PRIMARY KEY,
    TradingDate   INTEGER NOT NULL,
    Price         INTEGER NOT NULL,
    BasePrice     INTEGER NOT NULL,
    Open          INTEGER NOT NULL,
    High          INTEGER NOT NULL,
    Low           INTEGER NOT NULL,
    Volume        INTEGER NOT NULL,
    TradingValue  INTEGER NOT NULL,
    TickCount     INTEGER NOT NULL,
    LastSequence  INTEGER NOT NULL,
    LastTradeTime INTEGER NULL,
    MissedVolume  INTEGER NOT NULL,
    BuyVolume     INTEGER NOT NULL,
    SellVolume    INTEGER NOT NULL
) WITHOUT ROWID
GO
-- What the stock master says of a stock: written when it changes.
CREATE TABLE IF NOT EXISTS GsltsStockListing
(
    Code          TEXT NOT NULL PRIMARY KEY,
    Name          TEXT NOT NULL,
    Market        TEXT NOT NULL,
    Sector        TEXT NOT NULL,
    PreviousClose INTEGER NOT NULL
) WITHOUT ROWID
GO
-- The minute candles of the stored day of each stock: a minute is written when it changes (the forming one each second).
CREATE TABLE IF NOT EXISTS GsltsMinuteCandle
(
    Code         TEXT NOT NULL,
    TradingDate  INTEGER NOT NULL,
    Minute       INTEGER NOT NULL,
    Open         INTEGER NOT NULL,
    High         INTEGER NOT NULL,
    Low          INTEGER NOT NULL,
    Close        INTEGER NOT NULL,
    Volume       INTEGER NOT NULL,
    TradingValue INTEGER NOT NULL,
    PRIMARY KEY (Code, TradingDate, Minute)
) WITHOUT ROWID
