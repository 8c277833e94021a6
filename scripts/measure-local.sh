#!/usr/bin/env bash
# Measures what a user sees: time from `npm start` to a served trend with the sample counted,
# and time from an `aws s3 cp` returning to the article showing in the trend.
# Usage: bash scripts/measure-local.sh [uploads]   (stops any stack it starts)
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-10}
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
api=http://localhost:${TRENDWIRE_API_PORT:-3000}
s3=http://localhost:${TRENDWIRE_S3_PORT:-4568}
now() { date +%s.%N; }

start_stack() { # $1: extra args
  local t0; t0=$(now)
  setsid npm start -- $1 > /tmp/trendwire-measure.log 2>&1 &
  until curl -sf "$api/topics/kherson/trend?from=2022-11-10&to=2022-11-10" 2>/dev/null | grep -q '"articles":[1-9]'; do sleep 0.05; done
  echo "$(now) - $t0" | bc
}
stop_stack() { # waits for this stack only: other DynamoDB Local processes may be running
  pkill -INT -f "tsx local/start.ts" || true
  while pgrep -f "tsx local/start.ts" > /dev/null || pgrep -f "DynamoDBLocal.jar.* -port ${TRENDWIRE_DYNAMODB_PORT:-8000}" > /dev/null; do
    sleep 0.1
  done
}

echo "fresh start (npm start -- --fresh) to sample counted: $(start_stack --fresh) s"
stop_stack
echo "restart with data (npm start) to trend served:        $(start_stack '') s"

total=0; worst=0
for i in $(seq 1 "$uploads"); do
  printf 'Kherson report %s\nShelling near Kherson continued on day %s.\n' "$i" "$i" > /tmp/trendwire-upload.txt
  day=$(printf '2023-02-%02d' "$i")
  aws --endpoint-url "$s3" s3 cp /tmp/trendwire-upload.txt "s3://articles/measure/$i.txt" \
    --metadata "published-at=${day}T12:00:00Z" --only-show-errors
  t0=$(now)
  until curl -sf "$api/topics/kherson/trend?from=$day&to=$day" | grep -q '"articles":1'; do sleep 0.01; done
  dt=$(echo "$(now) - $t0" | bc); total=$(echo "$total + $dt" | bc)
  if (( $(echo "$dt > $worst" | bc) )); then worst=$dt; fi
done
echo "upload (aws s3 cp returned) to visible in the trend: mean $(echo "scale=3; $total / $uploads" | bc) s, worst $worst s over $uploads uploads"
stop_stack
