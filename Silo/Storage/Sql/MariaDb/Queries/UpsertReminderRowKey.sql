INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON DUPLICATE KEY UPDATE
    StartTime = VALUES(StartTime),
    Period = VALUES(Period),
    GrainHash = VALUES(GrainHash),
    Version = Version + 1;

SELECT Version FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
