@D1 @D2
Feature: 클러스터 연결 확인 — Step 1: cluster connectivity
  체크리스트 "Step 1: 클러스터 연결 확인": kubectl cluster-info, current-context, get namespace accounting.
  When the cluster cannot be reached the run says so plainly — which context and URL it tried, and that
  local mode is the alternative — and every check that needs the cluster is reported as not run.

  @C3.1 @C10.1 @SEVERITY=blocker
  Scenario: 클러스터 연결 — the API server answers (kubectl cluster-info)
    When the API server is asked for its version
    Then it answers, and its URL and version are reported

  @C3.2 @SEVERITY=critical
  Scenario: 현재 컨텍스트 확인 — the current context is the expected one
    Given the kubeconfig of this run
    Then the current context is reported, and matches the expected context when one is configured

  @C3.3 @C10.3 @SEVERITY=blocker
  Scenario: namespace 확인 — the release namespace exists
    Then the release namespace exists
