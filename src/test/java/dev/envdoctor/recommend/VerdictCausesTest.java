package dev.envdoctor.recommend;

import static dev.envdoctor.recommend.RecordedReports.LINUX_CPU_ONLY;
import static dev.envdoctor.recommend.RecordedReports.LINUX_NVIDIA_TOOLKIT;
import static dev.envdoctor.recommend.RecordedReports.MAC_M4_DOCKER_DESKTOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Tool;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The causes follow the facts: change a fact of a fixture and the sentence changes with it. */
class VerdictCausesTest {

  private static Recommendation decide(Report r) {
    return Verdict.decide(r, Workloads.DEFAULT);
  }

  private static Report withRuntime(Report r, String name, UnaryOperator<RuntimeInfo> change) {
    return r.withRuntimes(r.runtimes().stream().map(rt -> rt.name().equals(name) ? change.apply(rt) : rt).toList());
  }

  private static RuntimeInfo cpus(RuntimeInfo rt, int cpus) {
    return new RuntimeInfo(rt.name(), rt.kind(), rt.status(), rt.context(), rt.product(), rt.serverVersion(), rt.os(),
        rt.arch(), cpus, rt.memoryBytes(), rt.gpuAccess(), rt.diagnosis(), rt.fix(), rt.notes());
  }

  private static Report without(Report r, Predicate<Calibration> drop, Predicate<DeviceResult> dropDevice) {
    return r.withCalibrations(r.calibrations().stream().filter(drop.negate()).toList())
        .withDevices(r.devices().stream().filter(dropDevice.negate()).toList());
  }

  @Test
  void theVmCpuShareIsReadFromTheRuntimeAndTheHost() {
    Report mac = RecordedReports.load(MAC_M4_DOCKER_DESKTOP);
    Recommendation four = decide(withRuntime(mac, "docker", rt -> cpus(rt, 4)));
    RecommendGoldenTest.assertView("causes/theVmCpuShareIsReadFromTheRuntimeAndTheHost-4.txt", four);
    assertTrue(four.reason().contains("the Docker VM has 4 of 14 CPUs"));
    Recommendation allCpus = decide(withRuntime(mac, "docker", rt -> cpus(rt, 14)));
    RecommendGoldenTest.assertView("causes/theVmCpuShareIsReadFromTheRuntimeAndTheHost-14.txt", allCpus);
    String all = allCpus.reason();
    assertFalse(all.contains("of 14 CPUs"), all);
    assertTrue(all.contains("without Metal"), all);
  }

  @Test
  void anX86PythonOnAnArmMacIsNamedAsTheReasonForNoMps() {
    Report mac = RecordedReports.load(MAC_M4_DOCKER_DESKTOP);
    PythonEnv p = mac.python();
    Report rosettaPython = without(mac, c -> "python".equals(c.backend()) && "mps".equals(c.device()),
        d -> "python".equals(d.backend()) && "mps".equals(d.device()))
        .withPython(new PythonEnv(p.executable(), p.version(), "x86_64", p.venv(), p.found(),
            new PythonEnv.Torch("2.2.2", null, new PythonEnv.Mps(false, false), null), null, null));
    Recommendation rec = decide(rosettaPython);
    RecommendGoldenTest.assertView("causes/anX86PythonOnAnArmMacIsNamedAsTheReasonForNoMps.txt", rec);
    assertTrue(rec.reason().contains("the Python env is x86-64 under Rosetta: no MPS"), rec.reason());
    assertTrue(rec.reason().contains("natively djl on mps is 6.56× faster than your python env on cpu: fix the python env"),
        rec.reason());
    assertEquals("native", rec.train().runtime());
    assertEquals("cpu", rec.train().device());
  }

  @Test
  void aLinuxGpuHostWithoutTheToolkitTrainsNativelyAndSaysTheContainerHasNoGpu() {
    Report h100 = without(RecordedReports.load(LINUX_NVIDIA_TOOLKIT), c -> "docker".equals(c.runtime()) && c.device().startsWith("cuda"),
        d -> "docker".equals(d.runtime()) && d.device().startsWith("cuda"));
    Report noToolkit = withRuntime(h100, "docker", rt -> new RuntimeInfo(rt.name(), rt.kind(), rt.status(), rt.context(),
        rt.product(), rt.serverVersion(), rt.os(), rt.arch(), rt.cpus(), rt.memoryBytes(), "none", null, null, List.of()));
    Recommendation rec = decide(noToolkit);
    RecommendGoldenTest.assertView("causes/aLinuxGpuHostWithoutTheToolkitTrainsNativelyAndSaysTheContainerHasNoGpu.txt", rec);
    assertEquals("native", rec.train().runtime());
    assertEquals("cuda:0", rec.train().device());
    assertTrue(rec.speedup() > 10, rec.verdict());
    assertTrue(rec.reason().contains("the Docker container has no GPU access (no NVIDIA runtime)"), rec.reason());
    assertFalse(rec.reason().contains("macOS"), rec.reason());
  }

  @Test
  void sidesOnOneKindOfDeviceAreComparedOnABackendBothHave() {
    // Natively a slow Python env (5x the DJL step time); the containers have DJL only.
    Report cpu = RecordedReports.load(LINUX_CPU_ONLY);
    Report slowPython = cpu.withCalibrations(cpu.calibrations().stream()
        .filter(c -> !("docker".equals(c.runtime()) && "python".equals(c.backend())))
        .map(c -> "native".equals(c.runtime()) && "python".equals(c.backend()) ? RecordedReports.slower(c, 5) : c).toList());
    Recommendation rec = decide(slowPython);
    RecommendGoldenTest.assertView("causes/sidesOnOneKindOfDeviceAreComparedOnABackendBothHave.txt", rec);
    String container = rec.train().runtime();
    assertTrue(container.equals("docker") || container.equals("podman"), rec.verdict());
    assertTrue(rec.assumptions().contains("native and " + container + " compared on djl, on cpu"), rec.assumptions().toString());
    assertEquals("djl", rec.train().backend());
    assertTrue(rec.verdict().contains("no measurable difference from native") || rec.verdict().contains("at parity with native"),
        rec.verdict());
    assertTrue(rec.reason().contains("natively djl on cpu is") && rec.reason().contains("faster than your python env on cpu"),
        rec.reason());
  }

  @Test
  void timingsTooNoisyToTellApartAreCalledThatWithTheFix() {
    // five steps each, spread over a factor of ten: a machine busy with other work
    Report cpu = RecordedReports.load(LINUX_CPU_ONLY);
    List<Double> spread = List.of(6.0, 60.0, 17.0, 25.0, 9.0);
    Report noisy = cpu.withCalibrations(cpu.calibrations().stream().map(c -> new Calibration(c.runtime(), c.backend(),
        c.device(), c.workload(), c.batch(), c.imgsz(), c.warmupSteps(), 5, 17.0, 7.2, 46.0, 0.8,
        c.batch() * 1000 / 17.0, c.achievedGflops(), c.flopsPerStep(), c.threads(), c.wallMs(),
        "native".equals(c.runtime()) ? spread : List.of(17.0, 9.0, 60.0, 6.0, 25.0), null)).toList());
    Recommendation rec = decide(noisy);
    RecommendGoldenTest.assertView("causes/timingsTooNoisyToTellApartAreCalledThatWithTheFix.txt", rec);
    assertTrue(rec.verdict().contains("the timings are too noisy to tell it from native"), rec.verdict());
    assertTrue(rec.verdict().contains("rerun on an idle machine or with --full"), rec.verdict());
    // the interval spans more than ten times: it means nothing, so the JSON leaves it out and says why
    assertTrue(rec.speedupCi95().isEmpty(), rec.speedupCi95().toString());
    assertTrue(rec.measurement().speedupCi95TooWide());
    assertTrue(rec.verdict().contains("a 95% interval too wide to mean anything"), rec.verdict());
    assertEquals(Recommendation.NOISY, rec.confidence());
  }

  @Test
  void aLargeDifferenceOnSharedCpusIsBlamedOnTheLoadNotTheContainer() {
    Report cpu = RecordedReports.load(LINUX_CPU_ONLY);
    Report loaded = cpu.withCalibrations(cpu.calibrations().stream()
        .map(c -> "native".equals(c.runtime()) ? RecordedReports.slower(c, 3) : c).toList());
    Recommendation rec = decide(loaded);
    RecommendGoldenTest.assertView("causes/aLargeDifferenceOnSharedCpusIsBlamedOnTheLoadNotTheContainer.txt", rec);
    assertTrue(rec.verdict().startsWith("Train in docker (python, cpu): the timings are too noisy to tell it from native"),
        rec.verdict());
    assertTrue(rec.reason().contains("Docker containers share the host's kernel and all 20 CPUs, so a 3.0"
        + "3× difference comes from the machine's load changing between the runs, not from the container"), rec.reason());
  }


  @Test
  void aRunningRuntimeWithoutCalibrationIsNamedWithTheCommandToRun() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Recommendation rec = decide(cpu);
    RecommendGoldenTest.assertView("causes/aRunningRuntimeWithoutCalibrationIsNamedWithTheCommandToRun.txt", rec);
    assertEquals("native", rec.train().runtime());
    assertTrue(rec.verdict().contains("docker is running but has no usable calibration"), rec.verdict());
    assertTrue(rec.verdict().contains("envdoctor calibrate --runtime podman"), rec.verdict());
  }

  @Test
  void runtimesTheUserLeftOutGetNoAdvice() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Report nativeOnly = cpu.withRuntimes(cpu.runtimes().stream().map(rt -> rt.excluded(!"native".equals(rt.name()))).toList());
    Recommendation rec = decide(nativeOnly);
    RecommendGoldenTest.assertView("causes/runtimesTheUserLeftOutGetNoAdvice.txt", rec);
    assertEquals("native", rec.train().runtime());
    assertTrue(!rec.verdict().contains("no usable calibration") && !rec.verdict().contains("image build"), rec.verdict());
    assertTrue(rec.verdict().endsWith("the only side measured; you left out docker and podman (--runtime)."), rec.verdict());
    assertTrue(rec.reason().startsWith("only native was measured: you left out docker and podman"), rec.reason());
  }

  @Test
  void anInstalledEngineThatIsStoppedIsNotCalledNotInstalled() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Report stopped = cpu.withRuntimes(cpu.runtimes().stream().map(rt -> "native".equals(rt.name()) ? rt
        : new RuntimeInfo(rt.name(), rt.kind(), "docker".equals(rt.name()) ? "unreachable" : "not-installed", null, null, null,
            null, null, null, null, null, "docker is installed but its engine is not running", "start the engine", List.of()))
        .toList());
    Recommendation rec = decide(stopped);
    RecommendGoldenTest.assertView("causes/anInstalledEngineThatIsStoppedIsNotCalledNotInstalled.txt", rec);
    assertTrue(!rec.verdict().contains("no container runtime is installed"), rec.verdict());
    assertTrue(rec.verdict().contains("docker is unreachable (start the engine)"), rec.verdict());
  }

  @Test
  void withoutCalibrationsTheVerdictSaysWhatIsMissingAndWhatToRun() {
    Report probed = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z")
        .withHost(RecordedReports.load(MAC_M4_DOCKER_DESKTOP).host());
    Recommendation rec = decide(probed);
    RecommendGoldenTest.assertView("causes/withoutCalibrationsTheVerdictSaysWhatIsMissingAndWhatToRun.txt", rec);
    assertNull(rec.train());
    assertTrue(rec.verdict().startsWith("No verdict yet: no calibrations. Run `envdoctor calibrate`"), rec.verdict());
    assertTrue(rec.reason().contains("no runtimes[] (run `envdoctor probe`)"), rec.reason());
    assertTrue(rec.reason().contains("no devices[] (run `envdoctor verify`)"), rec.reason());
    assertTrue(rec.projection().isEmpty());
    assertNull(Verdict.decide(Report.empty(new Tool("envdoctor", "test"), "x").withHost((Host) null), Workloads.DEFAULT).train());
  }

  @Test
  void withNothingVerifiedTheVerdictPointsAtVerify() {
    Report mac = RecordedReports.load(MAC_M4_DOCKER_DESKTOP);
    Report broken = mac.withDevices(mac.devices().stream().map(d -> new DeviceResult(d.runtime(), d.backend(), d.device(),
        d.name(), false, null, d.tolerance(), "mismatch against the CPU", null, List.of())).toList());
    Recommendation rec = decide(broken);
    RecommendGoldenTest.assertView("causes/withNothingVerifiedTheVerdictPointsAtVerify.txt", rec);
    assertNull(rec.train());
    assertTrue(rec.verdict().contains("no device computed correctly on any side"), rec.verdict());
    assertTrue(rec.verdict().contains("envdoctor verify -v"), rec.verdict());
  }
}
