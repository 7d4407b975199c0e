# shellcheck shell=bash
# Shared by the scripts that read image manifests from a plain-HTTP registry
# (the testbed's 127.0.0.1:5000). Source it; needs curl and jq.

# registry_manifest REF → the image manifest JSON of REGISTRY/REPO:TAG; for
# an index, the manifest of its first (only) platform.
registry_manifest() {
  local ref=$1 registry rest repo tag manifest digest
  local accept='application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'
  registry=${ref%%/*}
  rest=${ref#*/}
  repo=${rest%:*}
  tag=${rest##*:}
  manifest=$(curl -fsS -H "Accept: $accept" "http://$registry/v2/$repo/manifests/$tag") || return 1
  if digest=$(jq -er '.manifests[0].digest' <<<"$manifest" 2>/dev/null); then
    manifest=$(curl -fsS -H "Accept: $accept" "http://$registry/v2/$repo/manifests/$digest") || return 1
  fi
  printf '%s\n' "$manifest"
}

# compressed_layers_size REF → the sum of the image's compressed layer sizes (bytes).
compressed_layers_size() {
  local manifest
  manifest=$(registry_manifest "$1") || return 1
  jq -er '[.layers[].size] | add' <<<"$manifest"
}
