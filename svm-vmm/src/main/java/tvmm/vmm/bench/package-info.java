/** VMM micro-benchmarks: {@link tvmm.vmm.bench.WorldSwitch} (cycles per VM exit round trip). */
package tvmm.vmm.bench;
