package tvmm.cpu.sysinstr;

import tvmm.cpu.Delivery;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.SystemDelivery;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;

/**
 * The minimal test machine of issue 03 for system-layer tests: RAM, the debug console at port
 * 0xE9 and isa-debug-exit at 0xF4, and one {@link Vcpu} with the system layer's factory, MMU
 * and delivery installed ({@link Vcpu#setSystemInstructions}). It loads a flat Multiboot image at 1 MiB and enters it in
 * 32-bit protected mode as the test guests expect (lib/boot.inc).
 */
final class GuestMachine implements AutoCloseable {
    static final long LOAD = 0x10_0000;

    final PhysicalMemory phys = new PhysicalMemory(16 << 20);
    final StringBuilder console = new StringBuilder();
    final Vcpu vcpu;
    final CpuState s;
    final SystemCpu sys;
    int exitStatus = -1;
    boolean shutdown;
    String stopReason = "";
    /** The first exceptions delivered, with the state they were raised in (for failure reports). */
    String faults = "";
    private int faultCount;

    GuestMachine() {
        ExitPort ports = new ExitPort() {
            @Override
            public long ioIn(int port, int size) {
                return size == 8 ? -1L : (1L << (size * 8)) - 1;
            }

            @Override
            public void ioOut(int port, int size, long value) {
                if (port == 0xe9) {
                    console.append((char) (value & 0xff));
                } else if (port == 0xf4) {
                    exitStatus = (int) ((value & 0xffff_ffffL) << 1 | 1);
                    throw new VmExit(ExitCode.IOIO, port, value);
                }
            }

            @Override
            public long mmioRead(long gpa, int size) {
                return 0; // no devices: an empty bus (the local APIC is absent)
            }

            @Override
            public void mmioWrite(long gpa, int size, long value) {
            }
        };
        vcpu = new Vcpu(null, phys, ports);
        s = vcpu.state;
        sys = new SystemCpu(s, phys, new CpuidModel(1, 2_000_000_000L, 25_000_000L), 0, new BarePlatform());
        vcpu.setSystemInstructions(new SystemInstructions(sys));
        SystemDelivery delivery = new SystemDelivery(null);
        vcpu.setDelivery(new Delivery() {
            @Override
            public void fault(CpuState st, GuestFault f) {
                if (faultCount++ < 4) {
                    faults += " | " + f.getMessage() + " at " + Long.toHexString(st.rip) + " cpl " + st.cpl;
                }
                delivery.fault(st, f);
            }

            @Override
            public void softwareInterrupt(CpuState st, SoftwareInterrupt i) {
                delivery.softwareInterrupt(st, i);
            }

            @Override
            public void events(CpuState st) {
                delivery.events(st);
            }
        });
    }

    /** Loads a Multiboot a.out-kludge image and sets the Multiboot entry state. */
    GuestMachine load(byte[] image) {
        long entry = -1;
        for (int o = 0; o + 32 <= Math.min(image.length, 8192); o += 4) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(o) == 0x1BADB002) {
                entry = b.getInt(o + 28) & 0xffff_ffffL;
                break;
            }
        }
        if (entry < 0) {
            throw new IllegalArgumentException("no Multiboot header");
        }
        phys.load(LOAD, image);
        for (int i = 0; i < 6; i++) {
            s.seg[i].set(i == CpuState.CS ? 0x08 : 0x10, 0, 0xffffffff, i == CpuState.CS ? 0xc9b : 0xc93);
        }
        s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET;
        s.cpl = 0;
        s.rflags = 2;
        s.gpr[CpuState.RAX] = 0x2BADB002L;
        s.rip = entry;
        s.updateMode();
        return this;
    }

    /** Runs until the guest exits or shuts down; a watchdog ends a guest that runs too long. */
    GuestMachine run(long timeoutMillis) {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeoutMillis);
                vcpu.kick();
            } catch (InterruptedException ignored) {
                // the guest finished first
            }
        });
        try {
            while (true) {
                RunResult r = vcpu.run();
                VmExit e = r.exit();
                if (e == null) {
                    stopReason = r.toString();
                    return this;
                }
                switch (e.code) {
                    case ExitCode.SHUTDOWN -> {
                        shutdown = true;
                        stopReason = "shutdown after" + faults;
                        return this;
                    }
                    case ExitCode.IOIO -> {
                        stopReason = "exit port";
                        return this;
                    }
                    case ExitCode.INTR -> {
                        stopReason = "timeout at rip " + Long.toHexString(s.rip) + faults;
                        return this;
                    }
                    default -> {
                        stopReason = e.getMessage() + faults;
                        return this;
                    }
                }
            }
        } finally {
            watchdog.interrupt();
        }
    }

    @Override
    public void close() {
        phys.close();
    }
}
