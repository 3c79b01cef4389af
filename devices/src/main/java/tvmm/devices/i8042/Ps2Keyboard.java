package tvmm.devices.i8042;

import java.util.function.IntConsumer;

/**
 * A PS/2 (MF2) keyboard behind the i8042's first port: the command set a driver uses to
 * probe and set it up (IBM PS/2 Technical Reference, "Keyboard commands"). Responses go
 * to the controller's output buffer through {@code reply}. Called with the controller's
 * monitor held.
 */
final class Ps2Keyboard {
    static final int SET_LEDS = 0xED;
    static final int ECHO = 0xEE;
    static final int SCANCODE_SET = 0xF0;
    static final int IDENTIFY = 0xF2;
    static final int TYPEMATIC = 0xF3;
    static final int ENABLE = 0xF4;
    static final int DISABLE = 0xF5;
    static final int DEFAULTS = 0xF6;
    static final int RESEND = 0xFE;
    static final int RESET = 0xFF;
    static final int ACK = 0xFA;
    static final int BAT_OK = 0xAA;
    static final int ERROR = 0xFE;
    static final int ID_FIRST = 0xAB;
    static final int ID_SECOND = 0x83;
    static final int ID_SECOND_TRANSLATED = 0x41; // 0x83 after the 8042's set 2 → 1 translation

    private final IntConsumer reply;
    private int awaitingParameter = -1;
    private int lastSent = ACK;
    boolean scanning = true;
    int scancodeSet = 2;
    int leds;

    Ps2Keyboard(IntConsumer reply) {
        this.reply = reply;
    }

    /**
     * Power-on state after the basic assurance test: scanning, scan code set 2, LEDs off, no
     * command half-done (the keyboard's own reset; the BAT completion code is not queued, as
     * firmware reads and discards it before the OS starts).
     */
    void powerOn() {
        awaitingParameter = -1;
        lastSent = ACK;
        scanning = true;
        scancodeSet = 2;
        leds = 0;
    }

    private void send(int b) {
        lastSent = b;
        reply.accept(b);
    }

    /** A byte from the host (the controller's data port). {@code translating}: CTR bit 6. */
    void write(int b, boolean translating) {
        if (awaitingParameter >= 0) {
            int command = awaitingParameter;
            awaitingParameter = -1;
            switch (command) {
                case SET_LEDS -> leds = b & 7;
                case SCANCODE_SET -> {
                    if (b == 0) {
                        send(ACK);
                        send(scancodeSet);
                        return;
                    }
                    if (b <= 3) {
                        scancodeSet = b;
                    }
                }
                default -> { } // TYPEMATIC: rate and delay are not modelled (no key repeat)
            }
            send(ACK);
            return;
        }
        switch (b) {
            case SET_LEDS, SCANCODE_SET, TYPEMATIC -> {
                awaitingParameter = b;
                send(ACK);
            }
            case ECHO -> send(ECHO);
            case IDENTIFY -> {
                send(ACK);
                send(ID_FIRST);
                send(translating ? ID_SECOND_TRANSLATED : ID_SECOND);
            }
            case ENABLE -> {
                scanning = true;
                send(ACK);
            }
            case DISABLE -> {
                scanning = false;
                scancodeSet = 2;
                send(ACK);
            }
            case DEFAULTS -> {
                scancodeSet = 2;
                send(ACK);
            }
            case RESEND -> reply.accept(lastSent);
            case RESET -> {
                scanning = true;
                scancodeSet = 2;
                leds = 0;
                send(ACK);
                send(BAT_OK);
            }
            default -> {
                if (b >= 0xF7 && b <= 0xFD) {
                    send(ACK); // set-3 key type commands: accepted, not modelled
                } else {
                    send(ERROR);
                }
            }
        }
    }
}
