CALL GsltsInsertMembership(@DeploymentId, @Address, @Port, @Generation, @Version,
    @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime);
