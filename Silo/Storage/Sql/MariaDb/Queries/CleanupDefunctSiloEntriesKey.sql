-- Status 3 is Active: a live silo is never cleaned up however old its heartbeat.
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status != 3;
