; The ACPI reset register (FADT RESET_REG, an I/O port, with RESET_VALUE), found through
; the tables as Linux's reboot=a does.
%macro RESET 0
    call acpi_init
    mov eax, 'FACP'
    call acpi_find
    test eax, eax
    jnz %%fadt
    FAIL "no FADT"
%%fadt:
    movzx ecx, byte [eax + 116]
    EXPECT ecx, 1, "RESET_REG address space (1 = I/O)"
    mov edx, [eax + 120]
    mov al, [eax + 128]
    PRINT "writing the reset value to the FADT's reset register", 10
    out dx, al
%endmacro
%include "reset.inc"
%include "acpi.inc"
%include "lib/end.inc"
