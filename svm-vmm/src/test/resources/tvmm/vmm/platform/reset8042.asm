; The classic keyboard-controller reset: wait until the i8042's input buffer is empty
; (status bit 1), then command 0xFE pulses the CPU reset line (Linux's reboot=k).
%macro RESET 0
%%wait:
    in al, 0x64
    test al, 2
    jnz %%wait
    mov al, 0xFE
    out 0x64, al
%endmacro
%include "reset.inc"
%include "lib/end.inc"
