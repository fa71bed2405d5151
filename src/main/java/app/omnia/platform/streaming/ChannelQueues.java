package app.omnia.platform.streaming;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks in the order they were submitted for the same channel, and channels independently of each other:
 * a channel with work has one virtual thread draining its queue, and none once it is empty. Events heard from
 * Redis in order then reach each socket in that order (a chat client sees its {@code seq} grow), while a slow
 * socket holds up only its own channel, not the listener that serves every socket of the copy.
 */
final class ChannelQueues {

    private static final Logger log = LoggerFactory.getLogger(ChannelQueues.class);

    private final Map<String, Queue<Runnable>> queues = new ConcurrentHashMap<>();
    private final ThreadFactory threads = Thread.ofVirtual().name("streaming-deliver-", 0).factory();

    void submit(String channel, Runnable task) {
        boolean[] idle = {false};
        // Adding and the drainer's "empty, so stop" both happen under the map's lock for the key: no task is left behind.
        queues.compute(channel, (key, queue) -> {
            if (queue == null) {
                queue = new ConcurrentLinkedQueue<>();
                idle[0] = true;
            }
            queue.add(task);
            return queue;
        });
        if (idle[0]) {
            threads.newThread(() -> drain(channel)).start();
        }
    }

    private void drain(String channel) {
        Queue<Runnable> queue = queues.get(channel);
        while (true) {
            Runnable task = queue.poll();
            if (task == null) {
                boolean[] stopped = {false};
                queues.computeIfPresent(channel, (key, current) -> {
                    stopped[0] = current.isEmpty();
                    return stopped[0] ? null : current;
                });
                if (stopped[0]) {
                    return;
                }
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // One failed delivery must not stop the channel's later ones; the hub drops broken sockets itself.
                log.warn("Streaming delivery failed: {}", e.toString());
            }
        }
    }

    /** Channels with work queued or running (for tests and metrics). */
    int busyChannels() {
        return queues.size();
    }
}
