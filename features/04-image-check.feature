@D1 @D2
Feature: 이미지 확인 — Step 2: image check
  체크리스트 "Step 2: 이미지 확인": the tag under test exists in GHCR. The registry is asked the way
  docker pull asks it (token, then the manifest), and the digest is reported.

  @C4.1 @SEVERITY=blocker
  Scenario: GHCR 이미지 확인 — the image tag exists in the registry
    When the image under test is looked up in the registry
    Then its tag resolves to a digest, which is reported
