package tvmm.devices.i8042;

import java.util.ArrayDeque;
import tvmm.devices.bus.GuestLog;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.bus.IrqLine;

/**
 * The 8042 keyboard controller (IBM PC/AT Technical Reference, "Keyboard controller"):
 * data port 0x60, status/command port 0x64, a PS/2 keyboard on the first port (IRQ1) and
 * an auxiliary port with nothing attached (IRQ12). Enough for Linux's i8042 and atkbd
 * probes without timeouts, and the classic reset: command 0xFE pulses the CPU reset line,
 * reported to the VMM through {@code onReset}.
 *
 * <p>Threading: this object's monitor guards all state; IRQ lines and the reset callback
 * are called with it held (the VMM's callback must only post a request).
 */
public final class I8042 {
    // Status register (port 0x64 read).
    public static final int STATUS_OBF = 0x01;
    public static final int STATUS_IBF = 0x02;
    public static final int STATUS_SYS = 0x04;
    public static final int STATUS_CMD = 0x08;      // last write was to port 0x64
    public static final int STATUS_UNLOCKED = 0x10; // keyboard not inhibited by the key lock
    public static final int STATUS_AUX_OBF = 0x20;
    public static final int STATUS_TIMEOUT = 0x40;
    // Controller command byte (RAM byte 0).
    public static final int CTR_KBD_INT = 0x01;
    public static final int CTR_AUX_INT = 0x02;
    public static final int CTR_SYS = 0x04;
    public static final int CTR_KBD_DISABLE = 0x10;
    public static final int CTR_AUX_DISABLE = 0x20;
    public static final int CTR_XLATE = 0x40;
    // Commands (port 0x64 write).
    public static final int CMD_READ_RAM = 0x20;    // 0x20..0x3F
    public static final int CMD_WRITE_RAM = 0x60;   // 0x60..0x7F
    public static final int CMD_AUX_DISABLE = 0xA7;
    public static final int CMD_AUX_ENABLE = 0xA8;
    public static final int CMD_AUX_TEST = 0xA9;
    public static final int CMD_SELF_TEST = 0xAA;
    public static final int CMD_KBD_TEST = 0xAB;
    public static final int CMD_KBD_DISABLE = 0xAD;
    public static final int CMD_KBD_ENABLE = 0xAE;
    public static final int CMD_READ_INPUT = 0xC0;
    public static final int CMD_READ_OUTPUT = 0xD0;
    public static final int CMD_WRITE_OUTPUT = 0xD1;
    public static final int CMD_WRITE_KBD_OBUF = 0xD2;
    public static final int CMD_WRITE_AUX_OBUF = 0xD3;
    public static final int CMD_WRITE_AUX = 0xD4;
    public static final int CMD_PULSE = 0xF0;       // 0xF0..0xFF: pulse output port bits 3..0 low
    public static final int SELF_TEST_OK = 0x55;
    public static final int INTERFACE_OK = 0x00;
    // Output port (0xD0/0xD1).
    public static final int OUTPUT_RESET = 0x01;    // 0 = CPU held in reset
    public static final int OUTPUT_A20 = 0x02;
    static final int MAX_QUEUE = 16;

    private record Out(int value, boolean aux, boolean timeout) {
    }

    private final IrqLine kbdIrq;
    private final IrqLine auxIrq;
    private final Runnable onReset;
    private final GuestLog log = new GuestLog("i8042");
    private final Ps2Keyboard keyboard = new Ps2Keyboard(b -> push(b, false, false));
    private final ArrayDeque<Out> output = new ArrayDeque<>();
    private final byte[] ram = new byte[32];
    private int outputPort = OUTPUT_RESET | OUTPUT_A20;
    private int pendingCommand = -1; // a command waiting for its data byte
    private boolean lastWriteCommand;
    private boolean kbdIrqLevel;
    private boolean auxIrqLevel;

    public I8042(IrqLine kbdIrq, IrqLine auxIrq, Runnable onReset) {
        this.kbdIrq = kbdIrq;
        this.auxIrq = auxIrq;
        this.onReset = onReset;
        powerOn();
    }

    /**
     * System reset (the 8042's RESET input is the PC's reset line): output buffer empty, no
     * command pending, output port with the CPU out of reset and A20 on, the keyboard reset,
     * and the command byte as POST leaves it (tvmm is the firmware too).
     */
    public synchronized void reset() {
        powerOn();
        updateIrq();
    }

    private void powerOn() {
        output.clear();
        java.util.Arrays.fill(ram, (byte) 0);
        ram[0] = CTR_KBD_INT | CTR_SYS | CTR_AUX_DISABLE | CTR_XLATE; // as after POST
        outputPort = OUTPUT_RESET | OUTPUT_A20;
        pendingCommand = -1;
        lastWriteCommand = false;
        keyboard.powerOn();
    }

    private int ctr() {
        return ram[0] & 0xFF;
    }

    private void push(int b, boolean aux, boolean timeout) {
        if (output.size() < MAX_QUEUE) {
            output.add(new Out(b & 0xFF, aux, timeout));
        }
        updateIrq();
    }

    private void updateIrq() {
        Out head = output.peek();
        boolean kbd = head != null && !head.aux && (ctr() & CTR_KBD_INT) != 0;
        boolean aux = head != null && head.aux && (ctr() & CTR_AUX_INT) != 0;
        if (kbd != kbdIrqLevel) {
            kbdIrqLevel = kbd;
            kbdIrq.set(kbd);
        }
        if (aux != auxIrqLevel) {
            auxIrqLevel = aux;
            auxIrq.set(aux);
        }
    }

    synchronized int status() {
        Out head = output.peek();
        int s = STATUS_UNLOCKED | (ctr() & CTR_SYS);
        if (head != null) {
            s |= STATUS_OBF | (head.aux ? STATUS_AUX_OBF : 0) | (head.timeout ? STATUS_TIMEOUT : 0);
        }
        return s | (lastWriteCommand ? STATUS_CMD : 0); // IBF is never set: commands complete at once
    }

    synchronized int readData() {
        Out head = output.poll();
        if (head == null) {
            return 0; // an empty output buffer reads as the last value on real chips; 0 here
        }
        // A new byte after this one makes a new edge on its IRQ.
        if (kbdIrqLevel || auxIrqLevel) {
            kbdIrqLevel = false;
            auxIrqLevel = false;
            kbdIrq.set(false);
            auxIrq.set(false);
        }
        updateIrq();
        return head.value;
    }

    synchronized void writeData(int v) {
        lastWriteCommand = false;
        int command = pendingCommand;
        pendingCommand = -1;
        if (command < 0) {
            ram[0] &= ~CTR_KBD_DISABLE; // sending to the keyboard enables its interface
            keyboard.write(v, (ctr() & CTR_XLATE) != 0);
            return;
        }
        if (command >= CMD_WRITE_RAM && command < CMD_WRITE_RAM + 0x20) {
            ram[command - CMD_WRITE_RAM] = (byte) v;
            updateIrq();
            return;
        }
        switch (command) {
            case CMD_WRITE_OUTPUT -> writeOutputPort(v);
            case CMD_WRITE_KBD_OBUF -> push(v, false, false);
            case CMD_WRITE_AUX_OBUF -> push(v, true, false);
            case CMD_WRITE_AUX -> push(0xFE, true, true); // nothing on the aux port: timeout
            default -> { }
        }
    }

    private void writeOutputPort(int v) {
        boolean resetAsserted = (v & OUTPUT_RESET) == 0;
        outputPort = v | OUTPUT_RESET; // the reset line is a pulse, not a latch
        if (resetAsserted) {
            onReset.run();
        }
    }

    synchronized void writeCommand(int c) {
        lastWriteCommand = true;
        pendingCommand = -1;
        if (c >= CMD_READ_RAM && c < CMD_READ_RAM + 0x20) {
            push(ram[c - CMD_READ_RAM], false, false);
            return;
        }
        if ((c >= CMD_WRITE_RAM && c < CMD_WRITE_RAM + 0x20)
                || c == CMD_WRITE_OUTPUT || c == CMD_WRITE_KBD_OBUF || c == CMD_WRITE_AUX_OBUF
                || c == CMD_WRITE_AUX) {
            pendingCommand = c;
            return;
        }
        if (c >= CMD_PULSE) {
            if ((c & OUTPUT_RESET) == 0) {
                onReset.run(); // 0xFE: pulse the reset line (the classic keyboard reset)
            }
            return;
        }
        switch (c) {
            case CMD_AUX_DISABLE -> ram[0] |= CTR_AUX_DISABLE;
            case CMD_AUX_ENABLE -> ram[0] &= ~CTR_AUX_DISABLE;
            case CMD_AUX_TEST, CMD_KBD_TEST -> push(INTERFACE_OK, false, false);
            case CMD_SELF_TEST -> push(SELF_TEST_OK, false, false);
            case CMD_KBD_DISABLE -> ram[0] |= CTR_KBD_DISABLE;
            case CMD_KBD_ENABLE -> ram[0] &= ~CTR_KBD_DISABLE;
            case CMD_READ_INPUT -> push(0x00, false, false);
            case CMD_READ_OUTPUT -> push(outputPort, false, false);
            default -> log.warn("command", "command 0x%02x ignored", c);
        }
    }

    /** Host keyboard input: bytes in the scan code set the guest expects (set 1 while translating). */
    public synchronized void injectKeyboard(int b) {
        if ((ctr() & CTR_KBD_DISABLE) == 0 && keyboard.scanning) {
            push(b, false, false);
        }
    }

    /** Port 0x60. */
    public IoDevice dataPort() {
        return new IoDevice() {
            @Override
            public long read(long offset, int size) {
                return readData();
            }

            @Override
            public void write(long offset, int size, long value) {
                writeData((int) value & 0xFF);
            }

            @Override
            public String name() {
                return "i8042-data";
            }
        };
    }

    /** Port 0x64. */
    public IoDevice commandPort() {
        return new IoDevice() {
            @Override
            public long read(long offset, int size) {
                return status();
            }

            @Override
            public void write(long offset, int size, long value) {
                writeCommand((int) value & 0xFF);
            }

            @Override
            public String name() {
                return "i8042-cmd";
            }
        };
    }
}
