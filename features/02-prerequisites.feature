@D1 @D2
Feature: 사전 요구사항 — Prerequisites of a production deploy
  체크리스트 "2. 운영 환경 — 사전 요구사항": 클러스터 접근 권한, kubeconfig, Helm, GHCR 접근 권한.
  Before Step 1, the run shows which kubeconfig and context it uses, that the credentials may read the
  release namespace, which Helm it embeds, and that the registry grants pull access to the image.

  @C2.2 @SEVERITY=critical
  Scenario: kubeconfig 설정 — the kubeconfig selects a context
    Given the kubeconfig of this run
    Then it selects a context, which is reported

  @C2.1 @SEVERITY=critical
  Scenario: 클러스터 접근 권한 — the current credentials may read the release namespace
    Given the kubeconfig of this run
    Then the current credentials may read the release namespace

  @C2.3 @SEVERITY=normal
  Scenario: Helm 설치 — Helm is embedded and reports its version
    Then the embedded Helm reports its version

  @C2.4 @SEVERITY=critical
  Scenario: GHCR 접근 권한 — the registry grants pull access to the image
    When the image under test is looked up in the registry
    Then the registry grants pull access to its repository
