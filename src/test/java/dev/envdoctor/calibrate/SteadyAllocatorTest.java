package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyAllocatorTest {

  @Test
  void setsBothMallocTunablesWhenTheUserSetNone() {
    assertEquals(Map.of("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912"),
        SteadyAllocator.env(Map.of("PATH", "/usr/bin")));
  }

  @Test
  void keepsTheUsersOwnMallocTunables() {
    assertEquals(Map.of(), SteadyAllocator.env(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2")));
  }

  @Test
  void addsOursAfterTheUsersOtherTunables() {
    assertEquals(Map.of("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F:" + SteadyAllocator.VALUE),
        SteadyAllocator.env(Map.of("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F")));
  }

  @Test
  void aContainerGetsTheSameValue() {
    assertEquals("GLIBC_TUNABLES=" + SteadyAllocator.VALUE, SteadyAllocator.containerAssignment());
  }
}
