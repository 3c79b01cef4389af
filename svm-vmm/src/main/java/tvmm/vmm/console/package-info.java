/**
 * The guest's serial console on the host, as QEMU's {@code -nographic -serial stdio}: a
 * raw terminal through jline with the Ctrl-A escapes, or plain pipes, or a file.
 * {@link tvmm.vmm.console.Console} is the entry point and documents the threads (who reads
 * stdin, who writes stdout, how "C-a x" reaches the VMM) and every way the terminal is
 * restored.
 */
package tvmm.vmm.console;
