package dev.dapkit.client.internal;

import dev.dapkit.client.DapClientListener;
import dev.dapkit.client.DapTimeoutException;
import dev.dapkit.client.EventSubscription;
import dev.dapkit.model.Event;
import dev.dapkit.model.EventBinding;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.Response;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the client's events go: into the {@link EventHistory} (for waits), then, on the ordered
 * event lane, to the listener and to every subscription for that event, in arrival order.
 *
 * <p>Thread-safe. {@link #received} is called on the connection's delivery (or reading) thread; it
 * completes the wait an event satisfies and queues everything else: no handler, listener or
 * dependent stage of a wait runs on that thread (a wait's future is a {@link ClientFuture}).
 */
final class EventHub {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final EventHistory history;
    private final SerialExecutor lane;
    private final Executor executor;
    private final Scheduler scheduler;
    private final DapClientListener listener;
    private final Map<Type, String> eventNamesByBodyType;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * @param listener the application's listener, or null when it set none: then an event that no
     *     subscription wants is not handed to the executor at all
     */
    EventHub(MessageRegistry registry, EventHistory history, SerialExecutor lane, Executor executor, Scheduler scheduler,
            DapClientListener listener) {
        this.history = history;
        this.lane = lane;
        this.executor = executor;
        this.scheduler = scheduler;
        this.listener = listener;
        this.eventNamesByBodyType = eventNamesByBodyType(registry);
    }

    /** Takes an event off the connection: keeps it, completes a wait it satisfies, queues its delivery. */
    void received(Event event) {
        ReceivedEvent received = new ReceivedEvent(event);
        EventWaiter<?> taker = history.add(received);
        if (taker != null) {
            if (allDelivered()) {
                // Every earlier event has reached the subscriptions and the listener, so the waiter cannot
                // overtake them: completed here (its stages run on the executor, as a ClientFuture's do),
                // a caller blocked on it wakes at once.
                taker.complete(received);
            } else {
                // Earlier events are still on their way to the subscriptions: completing here would let the
                // waiter see this event before a handler saw those (an exited event before the output
                // collected ahead of it). Not on the lane either: a handler may itself wait for an event.
                executor.execute(() -> taker.complete(received));
            }
        }
        // Chosen now: a subscription made after this event arrived does not see it.
        List<Subscription> wanting = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.wants(received)) {
                wanting.add(subscription);
            }
        }
        if (wanting.isEmpty() && listener == null) {
            // nobody to tell: a hand-off to the executor would only compete with the caller it woke
            return;
        }
        lane.execute(() -> {
            if (listener != null) {
                tell(() -> listener.eventReceived(event), "eventReceived");
            }
            wanting.forEach(subscription -> subscription.deliver(received));
        });
    }

    /**
     * Whether every event received so far has reached the listener and the subscriptions (their
     * lane is idle). Called on the reading thread, the only one that adds to the lane, so a true
     * answer stays true until it adds again.
     */
    boolean allDelivered() {
        return lane.isIdle();
    }

    /** Tells the listener, in order with the events, of a response that matched no request. */
    void unmatched(Response response) {
        if (listener != null) {
            lane.execute(() -> tell(() -> listener.unmatchedResponse(response), "unmatchedResponse"));
        }
    }

    /** Subscribes to every event named {@code eventName}, with the raw event. */
    EventSubscription subscribe(String eventName, Consumer<? super Event> handler) {
        Objects.requireNonNull(handler, "handler");
        return add(new Subscription(eventName, received -> handler.accept(received.event()), subscriptions::remove));
    }

    /** Subscribes to the event whose body type is {@code bodyType}, with the bound body. */
    <T> EventSubscription subscribe(Class<T> bodyType, Consumer<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        String eventName = eventNameOf(bodyType);
        return add(new Subscription(eventName, received -> {
            T body;
            try {
                body = bodyType.cast(received.body(bodyType));
            } catch (IllegalArgumentException e) {
                LOG.warn("event '{}' seq {} has a body that does not fit {}; a handler of it is skipped: {}",
                        eventName, received.event().seq(), bodyType.getSimpleName(), e.getMessage());
                return;
            }
            handler.accept(body);
        }, subscriptions::remove));
    }

    /** Waits for an event named {@code eventName} that passes {@code predicate}. */
    CompletableFuture<Event> await(String eventName, Predicate<? super Event> predicate, Duration timeout) {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(predicate, "predicate");
        EventFilter filter = new EventFilter(eventName, received -> predicate.test(received.event()),
                "'" + eventName + "' event matching the predicate");
        return await(new EventWaiter<>(filter, ReceivedEvent::event, executor), timeout);
    }

    /** Waits for an event with body type {@code bodyType} whose body passes {@code predicate}. */
    <T> CompletableFuture<T> await(Class<T> bodyType, Predicate<? super T> predicate, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        String eventName = eventNameOf(bodyType);
        EventFilter filter = new EventFilter(eventName,
                received -> predicate.test(bodyType.cast(received.body(bodyType))),
                "'" + eventName + "' event (" + bodyType.getSimpleName() + ") matching the predicate");
        return await(new EventWaiter<>(filter, received -> bodyType.cast(received.body(bodyType)), executor), timeout);
    }

    /** The events kept in the history, oldest first. */
    List<Event> history() {
        return history.events();
    }

    /** Ends every wait with {@code end}, stops every subscription, and tells the listener (after queued events). */
    void closed(ConnectionEnd end) {
        for (EventWaiter<?> waiter : history.close(end)) {
            executor.execute(() -> waiter.fail(end.forEventWait(waiter.filter().description())));
        }
        lane.execute(() -> {
            subscriptions.forEach(Subscription::deactivate);
            subscriptions.clear();
            if (listener != null) {
                tell(() -> listener.closed(end.cause()), "closed");
            }
        });
    }

    /** The event whose body binds to {@code bodyType}, e.g. {@code stopped} for {@code StoppedEventArguments}. */
    String eventNameOf(Class<?> bodyType) {
        String name = eventNamesByBodyType.get(Objects.requireNonNull(bodyType, "bodyType"));
        if (name == null) {
            throw new IllegalArgumentException(bodyType.getName() + " is the body type of no event in the client's"
                    + " registry; subscribe by event name instead, or register the event with MessageRegistry.toBuilder()");
        }
        return name;
    }

    /** Calls the listener; one that throws is logged, and the rest of the lane's work goes on. */
    private void tell(Runnable call, String method) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("the client listener threw from {}", method, e);
        }
    }

    private EventSubscription add(Subscription subscription) {
        subscriptions.add(subscription);
        return subscription;
    }

    private <T> CompletableFuture<T> await(EventWaiter<T> waiter, Duration timeout) {
        EventFilter filter = waiter.filter();
        EventHistory.Taken taken = history.takeOrWait(waiter);
        if (taken.event() != null) {
            waiter.complete(taken.event());
            return waiter.future();
        }
        if (taken.end() != null) {
            waiter.fail(taken.end().forEventWait(filter.description()));
            return waiter.future();
        }
        if (!Timeouts.isNone(timeout)) {
            waiter.timeoutScheduled(scheduler.schedule(timeout, () -> {
                if (history.withdraw(waiter)) {
                    waiter.fail(new DapTimeoutException("no " + filter.description() + " arrived within "
                            + Timeouts.describe(timeout) + "; the last events were " + history.lastNames(8), timeout));
                }
            }));
        }
        ClientFuture<T> future = waiter.future();
        future.whenCompleteHere((event, failure) -> {
            if (future.isCancelled()) {
                history.withdraw(waiter);
            }
        });
        return future;
    }

    private static Map<Type, String> eventNamesByBodyType(MessageRegistry registry) {
        Map<Type, String> names = new HashMap<>();
        Set<Type> ambiguous = new HashSet<>();
        for (EventBinding binding : registry.events()) {
            if (binding.bodyType() != Void.class && names.putIfAbsent(binding.bodyType(), binding.event()) != null) {
                // Two events with one body type: a subscription by type could not say which it means.
                ambiguous.add(binding.bodyType());
            }
        }
        names.keySet().removeAll(ambiguous);
        return Map.copyOf(names);
    }
}
