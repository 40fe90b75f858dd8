@D1 @D2
Feature: 롤백 절차 — Rollback
  체크리스트 "롤백 절차": upgrade back to the previous tag (r7-final-20251203). Runs only when asked
  (-Drollback=true); refuses to roll back to a tag the registry does not have.

  @C13.1 @SEVERITY=blocker
  Scenario: 이전 버전으로 롤백 — back to the previous tag, ready and healthy
    Given this run may roll back
    When the release is rolled back to the previous tag
    Then the Deployment runs the previous tag, is ready, and the BFF is healthy
