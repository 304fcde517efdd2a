INSERT IGNORE INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId);

SELECT ROW_COUNT();
