; Triple fault: with an empty IDT every exception fails to deliver; #UD → #GP → #DF →
; shutdown. The machine must stop (QEMU -no-reboot exits with status 0; tvmm reports the
; SVM SHUTDOWN exit). Reaching the code after UD2 is a failure.
%include "lib/boot.inc"

test_main:
    PRINT "triple: expecting shutdown", 10
    lidt [empty_idt]
    ud2
    FAIL "execution continued after a triple fault"

empty_idt:
    dw 0
    dd 0
%include "lib/end.inc"
