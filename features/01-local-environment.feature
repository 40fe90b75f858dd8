@D1 @D3
Feature: 로컬 환경 — Local environment and local run without Kubernetes
  체크리스트 "1. 로컬 환경" 과 "로컬 테스트 (Kubernetes 없이)".
  A developer machine has no cluster. The suite still verifies a BFF running on this machine (started
  by the suite, in a container, or already running) and reports every check that needs a cluster as
  not run, with the reason — never as passed, never as a stack trace.

  @C1.1 @SEVERITY=normal
  Scenario: 클러스터 없이 실행 — checks that need no cluster still run without one
    Given this run has no Kubernetes cluster
    Then the checks that need a cluster say why they do not run
    And the BFF answers over HTTP without going through a cluster

  @C8.1 @C9.3 @SEVERITY=critical
  Scenario: 로컬 BFF 검증 — a BFF on this machine is healthy and ready for the checks
    Given a BFF running on this machine
    When the health endpoint is called without headers
    Then it answers 200 with status "ok"
    When the readiness endpoint is called without headers
    Then it answers 200
