package tvmm.devices.apic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import tvmm.devices.bus.GuestLog;

/**
 * The interrupt fabric: it knows every local APIC of the machine and carries messages
 * between them (IPIs from an ICR write), from the IOAPIC and from MSI writes, and carries
 * the EOI broadcast of level-triggered vectors back to the IOAPIC.
 *
 * <p>Threading: a message is sent on the sender's thread (a vCPU, the timer service or a
 * device). The fabric only sets bits in the target APIC's IRR (under that APIC's lock)
 * and kicks the target vCPU; it never touches another vCPU's CPU state. The sender holds
 * no APIC lock while sending, so two vCPUs sending IPIs to each other cannot deadlock.
 */
public final class ApicBus {
    private final GuestLog log = new GuestLog("apic-bus");

    private final List<LocalApic> apics = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> eoiListeners = new CopyOnWriteArrayList<>();

    /** Called by {@link LocalApic#create}; the order of attachment is the vCPU order. */
    void attach(LocalApic apic) {
        apics.add(apic);
    }

    public List<LocalApic> apics() {
        return List.copyOf(apics);
    }

    /** Registers an IOAPIC (or another listener) for EOIs of level-triggered vectors. */
    public void addEoiListener(IntConsumer listener) {
        eoiListeners.add(listener);
    }

    void broadcastEoi(int vector) {
        for (IntConsumer l : eoiListeners) {
            l.accept(vector);
        }
    }

    /** Delivers a message from a device (IOAPIC pin, MSI): no source APIC, no shorthand. */
    public void deliver(ApicMessage message) {
        send(message, null);
    }

    /**
     * Delivers an MSI write (SDM vol. 3 §11.11): address bits 19:12 destination ID, bit 2
     * destination mode, bit 3 redirection hint (lowest priority among the destinations);
     * data bits 7:0 vector, 10:8 delivery mode, 15 trigger mode.
     */
    public void deliverMsi(long address, int data) {
        if ((address >>> 20) != 0xFEE) {
            log.warn("msi-address", "MSI to non-APIC address 0x%x dropped", address);
            return;
        }
        int dest = (int) (address >>> 12) & 0xFF;
        boolean logical = (address & 4) != 0;
        int mode = (data >>> 8) & 7;
        boolean level = (data & 0x8000) != 0;
        deliver(ApicMessage.fromIoApic(dest, logical, mode, data & 0xFF, level));
    }

    /** Sends {@code message} from {@code source} (null for devices) to its destinations. */
    void send(ApicMessage message, LocalApic source) {
        if (message.isInitDeassert()) {
            // Only the P6 family used INIT de-assert (to resynchronise arbitration IDs);
            // Pentium 4 and later ignore it (SDM §11.6.1), so there is nothing to do.
            return;
        }
        List<LocalApic> targets = targets(message, source);
        int mode = message.deliveryMode();
        if (mode == DeliveryMode.LOWEST_PRIORITY && targets.size() > 1) {
            targets = List.of(lowestPriority(targets, message.vector()));
        }
        for (LocalApic target : targets) {
            target.accept(mode, message.vector(), message.levelTriggered());
        }
    }

    private List<LocalApic> targets(ApicMessage message, LocalApic source) {
        List<LocalApic> out = new ArrayList<>();
        switch (message.shorthand()) {
            case ApicMessage.SELF -> {
                if (source != null) {
                    out.add(source);
                }
            }
            case ApicMessage.ALL_INCLUDING_SELF -> out.addAll(apics);
            case ApicMessage.ALL_EXCLUDING_SELF -> {
                for (LocalApic a : apics) {
                    if (a != source) {
                        out.add(a);
                    }
                }
            }
            default -> {
                for (LocalApic a : apics) {
                    if (a.matchesDestination(message)) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Lowest-priority arbitration (SDM §11.6.2.4): the focus processor (one that already
     * has the vector in its IRR or ISR, unless focus checking is off) wins; otherwise the
     * APIC with the lowest processor priority, ties broken by the lower APIC ID.
     */
    private static LocalApic lowestPriority(List<LocalApic> candidates, int vector) {
        for (LocalApic a : candidates) {
            if (a.isFocusFor(vector)) {
                return a;
            }
        }
        LocalApic best = candidates.get(0);
        int bestPriority = best.arbitrationPriority();
        for (LocalApic a : candidates.subList(1, candidates.size())) {
            int p = a.arbitrationPriority();
            if (p < bestPriority || (p == bestPriority && a.initialId() < best.initialId())) {
                best = a;
                bestPriority = p;
            }
        }
        return best;
    }
}
