#!/usr/bin/env bash
# Build the seller-tools image and roll it out to ECS.
#
# No credentials in here: the deploy role comes from the CI runner, and the app reads its
# MWS / LWA secrets from SSM Parameter Store at start-up.
#
# Last known-good release: commit 151aefa26d1188cd28ea2bf74b481fb628fdc2e0
# (roll back with: scripts/deploy.sh <that commit>)
set -euo pipefail

TAG="${1:?usage: scripts/deploy.sh <release tag or commit>}"
REGION="${AWS_REGION:-us-east-1}"
REGISTRY="201650751006.dkr.ecr.${REGION}.amazonaws.com"
IMAGE="${REGISTRY}/seller-tools:${TAG}"

aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY"
docker build -t "$IMAGE" .
docker push "$IMAGE"

for service in api sync-orders repricer; do
  aws ecs update-service \
    --region "$REGION" \
    --cluster seller-tools \
    --service "$service" \
    --force-new-deployment >/dev/null
  echo "deployed $IMAGE to $service"
done
