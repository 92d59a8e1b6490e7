#!/usr/bin/env bash
# Starts RabbitMQ as the image does, and once it is up applies the policy of deploy/rabbitmq/README.md (step 2) that
# deletes a browser tab's user queues a minute after their last consumer left. Idempotent: set_policy replaces.
set -euo pipefail
(
  until rabbitmqctl -q await_startup >/dev/null 2>&1; do sleep 5; done
  rabbitmqctl -q set_policy -p "${RABBITMQ_DEFAULT_VHOST:-lienthong}" --apply-to queues \
    chat-session-queues '^[a-z]+-user[0-9a-f-]+$' '{"expires":60000}' \
    && echo "lienthong: policy chat-session-queues set"
) &
exec docker-entrypoint.sh rabbitmq-server
