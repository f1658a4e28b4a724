#!/usr/bin/env bash
# Scans each repository of $REPOSITORIES (owner/name, separated by spaces or newlines) into
# reports/: <owner>__<name>.tree.json and, with HISTORY=true, <owner>__<name>.history.json, plus
# a SARIF log of each (one run, for code scanning). `mwsguard report merge` names the repository
# after the file. Used by the org workflows (.github/workflows/org-scan.yml,
# templates/org-scan.yml); see docs/integrations/org-scale.md.
#
#   SERVER       clone from $SERVER/<owner>/<name>.git (https://github.com, $CI_SERVER_URL, file://…)
#   TOKEN        read-only token, sent as an HTTP header (never in a URL, never printed); optional
#   TOKEN_USER   its user name for basic auth (x-access-token on GitHub, oauth2 on GitLab)
#   HISTORY      true (default) to scan every commit too
#   MWSGUARD     the command to run, with absolute paths (default: the bundle in ./.mwsguard)
#
# Exit 0 when every repository was scanned, findings or not (the merge reports them); 2 when one
# could not be cloned or scanned; the others are scanned all the same.
set -uo pipefail

SERVER="${SERVER:-https://github.com}"
HISTORY="${HISTORY:-true}"
read -r -a MWSGUARD_CMD <<< "${MWSGUARD:-node $PWD/.mwsguard/action/bundle/dist/mwsguard.js}"
mkdir -p reports
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

auth=()
if [ -n "${TOKEN:-}" ]; then
  auth=(-c "http.extraHeader=Authorization: Basic $(printf '%s:%s' "${TOKEN_USER:-x-access-token}" "$TOKEN" | base64 | tr -d '\n')")
fi

failed=0
for repository in $REPOSITORIES; do
  name="${repository//\//__}"
  checkout="$work/$name"
  depth=()
  [ "$HISTORY" = true ] || depth=(--depth 1)
  echo "::group::$repository"
  if ! git "${auth[@]}" clone --quiet --no-tags "${depth[@]}" "$SERVER/$repository.git" "$checkout"; then
    echo "::error title=mwsguard::cannot clone $repository"
    failed=1
    echo "::endgroup::"
    continue
  fi
  scopes=(tree)
  [ "$HISTORY" = true ] && scopes+=(history)
  for scope in "${scopes[@]}"; do
    report="$PWD/reports/$name.$scope.json"
    flags=()
    [ "$scope" = history ] && flags=(--history)
    (cd "$checkout" && "${MWSGUARD_CMD[@]}" scan "${flags[@]}" --quiet --format json --output "$report")
    code=$?
    # 0 clean, 1 findings, 3 incomplete: a report was written. 2: it was not.
    if [ "$code" = 2 ] || [ ! -f "$report" ]; then
      echo "::error title=mwsguard::cannot scan the $scope of $repository (exit $code)"
      failed=1
      continue
    fi
    "${MWSGUARD_CMD[@]}" report merge "$report" --format sarif --output "reports/$name.$scope.sarif" || failed=1
    echo "$repository ($scope): exit $code"
  done
  rm -rf "$checkout"
  echo "::endgroup::"
done
exit $((failed * 2))
