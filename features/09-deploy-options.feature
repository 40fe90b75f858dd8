@D1
Feature: 배포 옵션 — Deploy options
  체크리스트 "배포 옵션": 1) a pushed tag deploys through GitHub Actions with this suite as the gate;
  2) a manual Helm deploy, then a verify-only run; 3) local only (see 로컬 환경).

  @C9.1 @D5 @D7 @SEVERITY=critical
  Scenario: 옵션 1 GitHub Actions — the release-gate workflow gates tags
    Given the release-gate workflow of this project and its example caller
    Then on a pushed release tag it builds and pushes the image, deploys and verifies with this suite, gates on verdict.json and rolls back on failure

  @C9.2 @D4 @SEVERITY=critical
  Scenario: 옵션 2 수동 배포 후 검증 — a verify-only run changes nothing
    Given this is a verify-only run
    Then the suite has sent no write request to the cluster
