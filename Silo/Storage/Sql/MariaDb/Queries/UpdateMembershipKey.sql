CALL GsltsUpdateMembership(@DeploymentId, @Address, @Port, @Generation, @Version,
    @Status, @SuspectTimes, @IAmAliveTime);
