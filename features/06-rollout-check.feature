@D1 @D2
Feature: 배포 확인 — Step 4: rollout check
  체크리스트 "Step 4: 배포 확인": kubectl get pods, get deployment bff-accounting, logs --tail=50.
  Every way a rollout fails — an image that cannot be pulled (the diagnosis says whether the tag exists in
  the registry), a crash loop, a config error, pods not created (quota, PodSecurity), unschedulable,
  evicted, never Ready, a passed progress deadline — fails the check in Kubernetes' words once it has
  lasted its grace, not after the 5-minute wait. The three lines judge one observation of the rollout.

  @C6.1 @SEVERITY=blocker
  Scenario: Pod 상태 확인 — pods are Running and Ready with no restarts
    Then every pod of the release becomes Running and Ready with no restarts

  @C10.2 @SEVERITY=critical
  Scenario: 이미지 pull 실패 진단 — no pod is stuck pulling its image
    Then no pod of the release is stuck pulling its image

  @C6.2 @SEVERITY=blocker
  Scenario: Deployment 상태 확인 — all replicas updated and available
    Then the Deployment has all its replicas updated and available

  @C6.3 @SEVERITY=normal
  Scenario: 로그 확인 — the last 50 log lines of each pod are attached
    When the last log lines of each pod are collected
    Then they are attached to the report
