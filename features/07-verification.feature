@D1 @D2
Feature: 검증 — Step 5: verification through a port-forward
  체크리스트 "Step 5: 검증": kubectl port-forward deployment/bff-accounting 8081, then the pilot gating
  verification through it. On the simulated cluster there is no port-forward; the report says which
  endpoint was used.

  @C7.1 @SEVERITY=blocker
  Scenario: 포트포워드 게이팅 검증 — pilot gating through the deployment
    Given the BFF is reached through the deployment
    When every pilot tenant calls the probe endpoint
    Then every one of them is let through the pilot gate
    When every non-pilot tenant calls the probe endpoint
    Then every one of them is refused as not enabled for the pilot
