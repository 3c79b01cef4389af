package tvmm.devices.platform;

import tvmm.devices.bus.IrqLine;

/**
 * A device output behind a switch: the HPET's legacy replacement route (HPET 1.0a
 * §2.3.9.2.2) disconnects the 8254's OUT0 from IRQ0 and the RTC's IRQ8 output, so only
 * the HPET drives those wires. While cut, the wire sees low; reconnecting drives the
 * device's current level again.
 *
 * <p>Lock order: the driving device (or the HPET, when it switches) → this → the router.
 */
final class GatedIrqLine implements IrqLine {
    private final IrqLine wire;
    private boolean level;
    private boolean connected = true;

    GatedIrqLine(IrqLine wire) {
        this.wire = wire;
    }

    @Override
    public synchronized void set(boolean high) {
        level = high;
        if (connected) {
            wire.set(high);
        }
    }

    synchronized void connect(boolean on) {
        if (on != connected) {
            connected = on;
            wire.set(on && level);
        }
    }
}
