-- Inserts the first version, or bumps the version only when the caller holds the current one.
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
VALUES
    (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, IFNULL(@GrainIdExtensionString, ''), @ServiceId,
     @PayloadBinary, strftime('%Y-%m-%d %H:%M:%f', 'now'), IFNULL(@GrainStateVersion, 0) + 1)
ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)
DO UPDATE SET
    PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn,
    Version = Version + 1
WHERE Version = @GrainStateVersion;

SELECT IFNULL(@GrainStateVersion, 0) + 1 AS NewGrainStateVersion WHERE changes() = 1;
