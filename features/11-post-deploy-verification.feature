@D1 @D2 @D6
Feature: 배포 후 검증 — Post-deploy verification
  체크리스트 "배포 후 검증": 헬스 체크, 파일럿 게이팅 검증, 로그 확인, 메트릭 확인.
  The BFF is healthy and ready, lets only the allowlisted pilot tenants through, logs every refusal
  with TENANT_NOT_ENABLED, and serves its request counter to a scrape without tenant headers. Tenants,
  the probe request, headers and error code come from settings; any answer the contract does not
  allow is a failure, never a warning.

  @C11.1 @SEVERITY=blocker
  Scenario: 헬스 체크 — /health and /ready answer 200
    When the health endpoint is called without headers
    Then it answers 200 with status "ok"
    When the readiness endpoint is called without headers
    Then it answers 200

  @C11.2 @SEVERITY=blocker
  Scenario Outline: 파일럿 게이팅 — <kind> tenants at the pilot gate
    When every <kind> tenant calls the probe endpoint
    Then every one of them <outcome>

    Examples:
      | kind         | outcome                                        |
      | pilot        | is let through the pilot gate                  |
      | non-pilot    | is refused as not enabled for the pilot        |
      | case-variant | is refused as not enabled for the pilot        |

  @C11.3 @SEVERITY=critical
  Scenario: 거부 로그 — every refusal is logged with TENANT_NOT_ENABLED
    Given the BFF's log can be read
    When every non-pilot tenant calls the probe endpoint
    Then the BFF log shows the pilot error code for every refusal

  @C11.4 @SEVERITY=critical
  Scenario: 메트릭 확인 — /metrics serves http_requests_total and counts the suite's requests
    Given the metrics endpoint is scraped without tenant headers
    When every pilot tenant calls the probe endpoint
    Then a new scrape without tenant headers shows the request counter grown by every request made
