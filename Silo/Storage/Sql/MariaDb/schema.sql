-- GSLTS schema for Orleans ADO.NET clustering, grain storage and reminders on MariaDB 10.11.
-- Every statement is idempotent; statements are separated by lines reading GO.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  VARCHAR(64) NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) CHARACTER SET utf8mb4
GO
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) NOT NULL PRIMARY KEY,
    Timestamp    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    Version      INT NOT NULL DEFAULT 0
) CHARACTER SET utf8mb4
GO
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId VARCHAR(150) NOT NULL,
    Address      VARCHAR(45) NOT NULL,
    Port         INT NOT NULL,
    Generation   INT NOT NULL,
    SiloName     VARCHAR(150) NOT NULL,
    HostName     VARCHAR(150) NOT NULL,
    Status       INT NOT NULL,
    ProxyPort    INT NULL,
    SuspectTimes VARCHAR(8000) NULL,
    StartTime    DATETIME(3) NOT NULL,
    IAmAliveTime DATETIME(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
) CHARACTER SET utf8mb4
GO
-- One row per grain state; the extension string is '' rather than NULL so the unique key holds.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INT NOT NULL,
    GrainIdN0              BIGINT NOT NULL,
    GrainIdN1              BIGINT NOT NULL,
    GrainTypeHash          INT NOT NULL,
    GrainTypeString        VARCHAR(255) NOT NULL,
    GrainIdExtensionString VARCHAR(255) NOT NULL,
    ServiceId              VARCHAR(150) NOT NULL,
    PayloadBinary          LONGBLOB NULL,
    ModifiedOn             DATETIME(3) NOT NULL,
    Version                INT NOT NULL,
    UNIQUE KEY UX_OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
) CHARACTER SET utf8mb4
GO
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    VARCHAR(150) NOT NULL,
    GrainId      VARCHAR(150) NOT NULL,
    ReminderName VARCHAR(150) NOT NULL,
    StartTime    DATETIME(3) NOT NULL,
    Period       BIGINT NOT NULL,
    GrainHash    INT NOT NULL,
    Version      INT NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName),
    KEY IX_OrleansRemindersTable_GrainHash (ServiceId, GrainHash)
) CHARACTER SET utf8mb4
GO
-- The days of stock grains, written by the stock store of each silo in one transaction for many stocks (dates are yyyymmdd,
-- times UTC ticks, minutes since KST midnight). The summary of a stock, rewritten while it trades:
CREATE TABLE IF NOT EXISTS GsltsStockDay
(
    Code          VARCHAR(16) NOT NULL PRIMARY KEY,
    TradingDate   INT NOT NULL,
    Price         BIGINT NOT NULL,
    BasePrice     BIGINT NOT NULL,
    Open          BIGINT NOT NULL,
    High          BIGINT NOT NULL,
    Low           BIGINT NOT NULL,
    Volume        BIGINT NOT NULL,
    TradingValue  BIGINT NOT NULL,
    TickCount     BIGINT NOT NULL,
    LastSequence  BIGINT NOT NULL,
    LastTradeTime BIGINT NULL,
    MissedVolume  BIGINT NOT NULL,
    BuyVolume     BIGINT NOT NULL,
    SellVolume    BIGINT NOT NULL
) CHARACTER SET utf8mb4
GO
-- What the stock master says of a stock: written when it changes.
CREATE TABLE IF NOT EXISTS GsltsStockListing
(
    Code          VARCHAR(16) NOT NULL PRIMARY KEY,
    Name          VARCHAR(200) NOT NULL,
    Market        VARCHAR(50) NOT NULL,
    Sector        VARCHAR(100) NOT NULL,
    PreviousClose BIGINT NOT NULL
) CHARACTER SET utf8mb4
GO
-- The minute candles of the stored day of each stock: a minute is written when it changes (the forming one each second).
CREATE TABLE IF NOT EXISTS GsltsMinuteCandle
(
    Code         VARCHAR(16) NOT NULL,
    TradingDate  INT NOT NULL,
    Minute       SMALLINT NOT NULL,
    Open         BIGINT NOT NULL,
    High         BIGINT NOT NULL,
    Low          BIGINT NOT NULL,
    Close        BIGINT NOT NULL,
    Volume       BIGINT NOT NULL,
    TradingValue BIGINT NOT NULL,
    PRIMARY KEY (Code, TradingDate, Minute)
) CHARACTER SET utf8mb4
GO
-- Stored procedures keep each version check and its write in one atomic step.
CREATE OR REPLACE PROCEDURE GsltsWriteToStorage(
    IN _GrainIdHash INT, IN _GrainIdN0 BIGINT, IN _GrainIdN1 BIGINT, IN _GrainTypeHash INT,
    IN _GrainTypeString VARCHAR(255), IN _GrainIdExtensionString VARCHAR(255), IN _ServiceId VARCHAR(150),
    IN _GrainStateVersion INT, IN _PayloadBinary LONGBLOB)
BEGIN
    DECLARE _rows INT DEFAULT 0;
    IF _GrainStateVersion IS NULL THEN
        INSERT IGNORE INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (_GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString, IFNULL(_GrainIdExtensionString, ''), _ServiceId,
             _PayloadBinary, UTC_TIMESTAMP(3), 1);
        SET _rows = ROW_COUNT();
    ELSE
        UPDATE OrleansStorage
        SET PayloadBinary = _PayloadBinary, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
        WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
            AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
            AND GrainTypeString = _GrainTypeString AND GrainIdExtensionString = IFNULL(_GrainIdExtensionString, '')
            AND ServiceId = _ServiceId AND Version = _GrainStateVersion;
        SET _rows = ROW_COUNT();
    END IF;
    SELECT CASE WHEN _rows > 0 THEN IFNULL(_GrainStateVersion, 0) + 1 ELSE _GrainStateVersion END AS NewGrainStateVersion;
END
GO
CREATE OR REPLACE PROCEDURE GsltsClearStorage(
    IN _GrainIdHash INT, IN _GrainIdN0 BIGINT, IN _GrainIdN1 BIGINT, IN _GrainTypeHash INT,
    IN _GrainTypeString VARCHAR(255), IN _GrainIdExtensionString VARCHAR(255), IN _ServiceId VARCHAR(150),
    IN _GrainStateVersion INT, IN _Delete BOOLEAN)
BEGIN
    DECLARE _rows INT DEFAULT 0;
    IF _Delete THEN
        DELETE FROM OrleansStorage
        WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
            AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
            AND GrainTypeString = _GrainTypeString AND GrainIdExtensionString = IFNULL(_GrainIdExtensionString, '')
            AND ServiceId = _ServiceId AND Version = _GrainStateVersion;
    ELSE
        UPDATE OrleansStorage
        SET PayloadBinary = NULL, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
        WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
            AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
            AND GrainTypeString = _GrainTypeString AND GrainIdExtensionString = IFNULL(_GrainIdExtensionString, '')
            AND ServiceId = _ServiceId AND Version = _GrainStateVersion;
    END IF;
    SET _rows = ROW_COUNT();
    SELECT CASE WHEN _rows > 0 THEN _GrainStateVersion + 1 ELSE _GrainStateVersion END AS NewGrainStateVersion;
END
GO
CREATE OR REPLACE PROCEDURE GsltsInsertMembership(
    IN _DeploymentId VARCHAR(150), IN _Address VARCHAR(45), IN _Port INT, IN _Generation INT, IN _Version INT,
    IN _SiloName VARCHAR(150), IN _HostName VARCHAR(150), IN _Status INT, IN _ProxyPort INT,
    IN _StartTime DATETIME(3), IN _IAmAliveTime DATETIME(3))
BEGIN
    DECLARE _rows INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1
    WHERE DeploymentId = _DeploymentId AND Version = _Version;
    SET _rows = ROW_COUNT();
    IF _rows > 0 THEN
        INSERT IGNORE INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES
            (_DeploymentId, _Address, _Port, _Generation, _SiloName, _HostName, _Status, _ProxyPort, _StartTime, _IAmAliveTime);
        SET _rows = ROW_COUNT();
    END IF;
    IF _rows > 0 THEN COMMIT; ELSE ROLLBACK; END IF;
    SELECT _rows;
END
GO
CREATE OR REPLACE PROCEDURE GsltsUpdateMembership(
    IN _DeploymentId VARCHAR(150), IN _Address VARCHAR(45), IN _Port INT, IN _Generation INT, IN _Version INT,
    IN _Status INT, IN _SuspectTimes VARCHAR(8000), IN _IAmAliveTime DATETIME(3))
BEGIN
    DECLARE _rows INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1
    WHERE DeploymentId = _DeploymentId AND Version = _Version;
    SET _rows = ROW_COUNT();
    IF _rows > 0 THEN
        UPDATE OrleansMembershipTable
        SET Status = _Status, SuspectTimes = _SuspectTimes, IAmAliveTime = _IAmAliveTime
        WHERE DeploymentId = _DeploymentId AND Address = _Address AND Port = _Port AND Generation = _Generation;
        -- An update to identical values changes no row, yet the silo's row exists: that is success.
        SELECT COUNT(*) INTO _rows FROM OrleansMembershipTable
        WHERE DeploymentId = _DeploymentId AND Address = _Address AND Port = _Port AND Generation = _Generation;
    END IF;
    IF _rows > 0 THEN COMMIT; ELSE ROLLBACK; END IF;
    SELECT _rows;
END
