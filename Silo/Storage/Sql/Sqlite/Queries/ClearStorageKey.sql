UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = strftime('%Y-%m-%d %H:%M:%f', 'now'), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, '')
    AND ServiceId = @ServiceId
    AND Version = @GrainStateVersion;

SELECT CASE WHEN changes() = 1 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;
