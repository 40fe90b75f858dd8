@D1 @D2
Feature: 외부 Adapter 동기화 상태 — External adapter sync
  체크리스트 "외부 Adapter 동기화 상태 체크": 소스별 마지막 동기화 5분 이내, 최근 1일 오류율 5% 이하,
  ExternalSyncStale 알람은 10분 이내 해소 (아니면 P1). Those are the customer's defaults; every
  threshold is a setting (sync.maxLag, sync.maxErrorRate, alert.p1Window) and each check states the
  value it used in its report line.
  Read through Prometheus where one is available; otherwise from one direct scrape of the BFF, whose
  window is "since process start" and says so. No series at all is a failure, not a pass. The alert
  is checked first: while it is firing the gate waits (up to the P1 window) for it to resolve.

  @C12.3 @SEVERITY=blocker
  Scenario: ExternalSyncStale 알람 — resolved within the P1 window, or a P1
    Then the ExternalSyncStale alert is not firing, or resolves within the P1 window

  @C12.1 @SEVERITY=critical
  Scenario: 동기화 지연 — every source synced within the allowed lag
    When the external-sync metrics are read
    Then every source's last sync is within the allowed lag

  @C12.2 @SEVERITY=critical
  Scenario: 동기화 오류율 — every source's error rate within the allowed ratio
    When the external-sync metrics are read
    Then every source's sync error rate is within the allowed ratio
