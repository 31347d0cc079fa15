package dev.envdoctor.recommend;

import static dev.envdoctor.recommend.RecordedReports.LINUX_CPU_ONLY;
import static dev.envdoctor.recommend.RecordedReports.LINUX_NVIDIA_TOOLKIT;
import static dev.envdoctor.recommend.RecordedReports.MAC_M4_DOCKER_DESKTOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.model.Tool;
import dev.envdoctor.recommend.VerdictDecision.Kind;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The causes follow the facts: change a fact of a fixture and the cause changes with it. Each case's
 * words are golden/recommend/causes/<test>.txt.
 */
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
    assertEquals(List.of(new Cause.MacVmWithoutMetal("docker"), new Cause.CpuShare("docker", true, 4, 14)),
        Verdict.decision(withRuntime(mac, "docker", rt -> cpus(rt, 4))).causes());
    Recommendation allCpus = decide(withRuntime(mac, "docker", rt -> cpus(rt, 14)));
    RecommendGoldenTest.assertView("causes/theVmCpuShareIsReadFromTheRuntimeAndTheHost-14.txt", allCpus);
    assertEquals(List.of(new Cause.MacVmWithoutMetal("docker")),
        Verdict.decision(withRuntime(mac, "docker", rt -> cpus(rt, 14))).causes(), "all CPUs: no share to blame");
  }

  @Test
  void anX86PythonOnAnArmMacIsNamedAsTheReasonForNoMps() {
    Report mac = RecordedReports.load(MAC_M4_DOCKER_DESKTOP);
    PythonEnv p = mac.python();
    Report rosettaPython = without(mac, c -> c.backend() == Backend.PYTHON && "mps".equals(c.device()),
        d -> d.backend() == Backend.PYTHON && "mps".equals(d.device()))
        .withPython(new PythonEnv(p.executable(), p.version(), "x86_64", p.venv(), p.found(),
            new PythonEnv.Torch("2.2.2", null, new PythonEnv.Mps(false, false), null), null, null));
    Recommendation rec = decide(rosettaPython);
    RecommendGoldenTest.assertView("causes/anX86PythonOnAnArmMacIsNamedAsTheReasonForNoMps.txt", rec);
    VerdictDecision d = Verdict.decision(rosettaPython);
    Cause.FasterBackend faster = d.causes(Cause.FasterBackend.class).get(0);
    assertEquals(new Cause.FasterBackend("native", Backend.DJL, "mps", faster.ratio(), Backend.PYTHON, "cpu"), faster);
    assertEquals(6.56, faster.ratio(), 0.005);
    assertEquals(List.of(new Cause.RosettaPython()), d.causes(Cause.RosettaPython.class));
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
    VerdictDecision d = Verdict.decision(noToolkit);
    assertEquals(Kind.CLEAR, d.kind());
    assertEquals(List.of(new Cause.NoNvidiaRuntime("docker")), d.causes(Cause.NoNvidiaRuntime.class));
    assertEquals(List.of(), d.causes(Cause.MacVmWithoutMetal.class), "a Linux host");
  }

  @Test
  void sidesOnOneKindOfDeviceAreComparedOnABackendBothHave() {
    // Natively a slow Python env (5x the DJL step time); the containers have DJL only.
    Report cpu = RecordedReports.load(LINUX_CPU_ONLY);
    Report slowPython = cpu.withCalibrations(cpu.calibrations().stream()
        .filter(c -> !("docker".equals(c.runtime()) && c.backend() == Backend.PYTHON))
        .map(c -> "native".equals(c.runtime()) && c.backend() == Backend.PYTHON ? RecordedReports.slower(c, 5) : c).toList());
    Recommendation rec = decide(slowPython);
    RecommendGoldenTest.assertView("causes/sidesOnOneKindOfDeviceAreComparedOnABackendBothHave.txt", rec);
    String container = rec.train().runtime();
    assertTrue(container.equals("docker") || container.equals("podman"), rec.verdict());
    assertEquals(Backend.DJL, rec.train().backend());
    VerdictDecision d = Verdict.decision(slowPython);
    assertTrue(d.compared().sameBackend(), "compared on the backend both sides have");
    assertEquals(List.of(Backend.DJL, "cpu", "cpu"), List.of(d.compared().a().backend(), d.compared().a().device(), d.compared().b().device()));
    assertTrue(d.kind() == Kind.PARITY || d.kind() == Kind.NO_MEASURABLE_DIFFERENCE, d.kind().toString());
    Cause.FasterBackend faster = d.causes(Cause.FasterBackend.class).get(0);
    assertEquals(new Cause.FasterBackend("native", Backend.DJL, "cpu", faster.ratio(), Backend.PYTHON, "cpu"), faster);
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
    assertEquals(Kind.NOISY, Verdict.decision(noisy).kind());
    // the interval spans more than ten times: it means nothing, so the JSON leaves it out and says why
    assertTrue(rec.speedupCi95().isEmpty(), rec.speedupCi95().toString());
    assertTrue(rec.measurement().speedupCi95TooWide());
    assertEquals(Confidence.NOISY, rec.confidence());
  }

  @Test
  void aLargeDifferenceOnSharedCpusIsBlamedOnTheLoadNotTheContainer() {
    Report cpu = RecordedReports.load(LINUX_CPU_ONLY);
    Report loaded = cpu.withCalibrations(cpu.calibrations().stream()
        .map(c -> "native".equals(c.runtime()) ? RecordedReports.slower(c, 3) : c).toList());
    Recommendation rec = decide(loaded);
    RecommendGoldenTest.assertView("causes/aLargeDifferenceOnSharedCpusIsBlamedOnTheLoadNotTheContainer.txt", rec);
    VerdictDecision d = Verdict.decision(loaded);
    assertEquals(Kind.NOISY, d.kind(), "a difference the container cannot make: implausible");
    assertEquals("docker", d.train().runtime());
    Cause.LoadBetweenRuns load = d.causes(Cause.LoadBetweenRuns.class).get(0);
    assertEquals(List.of(new Cause.LoadBetweenRuns("docker", 20, load.factor())), d.causes());
    assertEquals(3.03, load.factor(), 0.005);
  }


  @Test
  void aRunningRuntimeWithoutCalibrationIsNamedWithTheCommandToRun() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Recommendation rec = decide(cpu);
    RecommendGoldenTest.assertView("causes/aRunningRuntimeWithoutCalibrationIsNamedWithTheCommandToRun.txt", rec);
    assertEquals("native", rec.train().runtime());
    assertEquals(List.of(new Cause.OnlyMeasured("native", List.of(new Cause.OnlyMeasured.Tried("docker", true, RuntimeStatus.OK),
        new Cause.OnlyMeasured.Tried("podman", true, RuntimeStatus.OK)), List.of(), true)), Verdict.decision(cpu).causes());
  }

  @Test
  void runtimesTheUserLeftOutGetNoAdvice() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Report nativeOnly = cpu.withRuntimes(cpu.runtimes().stream().map(rt -> rt.excluded(!"native".equals(rt.name()))).toList());
    Recommendation rec = decide(nativeOnly);
    RecommendGoldenTest.assertView("causes/runtimesTheUserLeftOutGetNoAdvice.txt", rec);
    assertEquals("native", rec.train().runtime());
    assertEquals(List.of(new Cause.OnlyMeasured("native", List.of(), List.of("docker", "podman"), true)),
        Verdict.decision(nativeOnly).causes());
  }

  @Test
  void anInstalledEngineThatIsStoppedIsNotCalledNotInstalled() {
    Report cpu = without(RecordedReports.load(LINUX_CPU_ONLY), c -> !"native".equals(c.runtime()), d -> false);
    Report stopped = cpu.withRuntimes(cpu.runtimes().stream().map(rt -> "native".equals(rt.name()) ? rt
        : new RuntimeInfo(rt.name(), rt.kind(), "docker".equals(rt.name()) ? RuntimeStatus.UNREACHABLE : RuntimeStatus.NOT_INSTALLED, null, null, null,
            null, null, null, null, null, "docker is installed but its engine is not running", "start the engine", List.of()))
        .toList());
    Recommendation rec = decide(stopped);
    RecommendGoldenTest.assertView("causes/anInstalledEngineThatIsStoppedIsNotCalledNotInstalled.txt", rec);
    assertEquals(List.of(new Cause.OnlyMeasured("native", List.of(new Cause.OnlyMeasured.Tried("docker", false, RuntimeStatus.UNREACHABLE),
        new Cause.OnlyMeasured.Tried("podman", false, RuntimeStatus.NOT_INSTALLED)), List.of(), true)), Verdict.decision(stopped).causes());
  }

  @Test
  void withoutCalibrationsTheVerdictSaysWhatIsMissingAndWhatToRun() {
    Report probed = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z")
        .withHost(RecordedReports.load(MAC_M4_DOCKER_DESKTOP).host());
    Recommendation rec = decide(probed);
    RecommendGoldenTest.assertView("causes/withoutCalibrationsTheVerdictSaysWhatIsMissingAndWhatToRun.txt", rec);
    assertNull(rec.train());
    assertEquals(Kind.NONE, Verdict.decision(probed).kind());
    assertTrue(rec.projection().isEmpty());
    assertNull(Verdict.decide(Report.empty(new Tool("envdoctor", "test"), "x").withHost((Host) null), Workloads.DEFAULT).train());
  }

  @Test
  void withNothingVerifiedTheVerdictPointsAtVerify() {
    Report mac = RecordedReports.load(MAC_M4_DOCKER_DESKTOP);
    Report broken = mac.withDevices(mac.devices().stream().map(d -> DeviceResultBuilder.builder(d)
        .verified(false)
        .diagnosis("mismatch against the CPU")
        .stderrTail(List.of())
        .maxAbsError(null)
        .fix(null)
        .build()).toList());
    Recommendation rec = decide(broken);
    RecommendGoldenTest.assertView("causes/withNothingVerifiedTheVerdictPointsAtVerify.txt", rec);
    assertNull(rec.train());
    assertEquals(Kind.NONE, Verdict.decision(broken).kind());
  }
}
