@D1 @D2
Feature: Helm 배포 — Step 3: Helm deploy
  체크리스트 "Step 3: Helm 배포": helm upgrade --install bff charts/bff-accounting with the pilot
  allowlist, image.repository and image.tag, --wait --timeout 5m. The chart is verified before any
  deploy; the deploy happens only when asked (-Ddeploy=true) and fails fast when pods cannot start;
  the live Deployment must then run exactly what was requested.

  @C5.2 @SEVERITY=blocker
  Scenario: 차트 검증 — the chart is fit to deploy with the pilot values
    When the chart is verified with the values the deploy will use
    Then it lints, renders, and hands the allowlist, the image, the probes and the scrape target to Kubernetes as requested

  @C5.1 @SEVERITY=blocker
  Scenario: Helm 배포 — helm upgrade --install with the pilot values
    Given this run may deploy
    When the release is upgraded or installed with the pilot values
    Then Helm reports it deployed, with its revision and how long it took

  @C5.3 @SEVERITY=blocker
  Scenario: 배포 결과 확인 — the live Deployment runs the requested image and allowlist
    Then the live Deployment runs exactly the requested image and allowlist
