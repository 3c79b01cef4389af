/**
 * Assembling a PC from options ({@link tvmm.vmm.machine.Machine}): RAM with the VGA hole and
 * the read-only BIOS area, the legacy devices of {@link tvmm.devices.platform.LegacyPlatform},
 * one local APIC per vCPU (the BSP's in virtual-wire mode, as firmware leaves it), IOAPIC,
 * HPET, ACPI PM and the ACPI tables at 0xE0000, all on one host clock; the kernel loaded by
 * {@link tvmm.vmm.boot.KernelBoot}. {@link tvmm.vmm.machine.TestGuestRunner} boots the
 * assembly test guests on it.
 */
package tvmm.vmm.machine;
