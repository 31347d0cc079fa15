package dev.envdoctor.python;

import dev.envdoctor.model.Backend;
import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Locale;

/**
 * The "native Python" section of the verify view: the interpreter found and how, its torch, each
 * device it computed on with the error figure, and the fix where something is wrong. Drawn from
 * the report alone; the verify view of the flow composes it with the other sides.
 */
public final class PythonView implements View {

  @Override
  public void print(Report report, RunContext ctx) {
    PythonEnv py = report.python();
    if (py == null) {
      return;
    }
    Console c = ctx.console();
    if (py.executable() == null) {
      c.mark(Console.Mark.WARN, "Python: " + py.diagnosis());
      c.detail(Console.Mark.INFO, "fix: " + py.fix());
      return;
    }
    String head = "Python " + (py.version() == null ? "" : py.version() + " ") + "at " + py.executable()
        + (py.found() == null ? "" : " (" + py.found() + ")");
    String torch = py.torch() == null ? "" : ", torch " + py.torch().version()
        + (py.torch().cuda() == null ? "" : " CUDA " + py.torch().cuda());
    if (py.diagnosis() == null) {
      c.mark(Console.Mark.OK, head + torch);
    } else {
      c.mark(py.named() && !py.torchImports() ? Console.Mark.FAIL : Console.Mark.WARN, head + torch);
      c.detail(py.diagnosis());
      c.detail(Console.Mark.INFO, "fix: " + py.fix());
    }
    List<DeviceResult> devices = report.devices().stream().filter(d -> d.backend() == Backend.PYTHON).toList();
    for (DeviceResult d : devices) {
      String name = d.device() + (d.name() == null ? "" : " (" + d.name() + ")");
      if (Boolean.TRUE.equals(d.verified())) {
        c.detail(Console.Mark.OK, String.format(Locale.ROOT, "%s computes: max abs error %.1e (tolerance %.0e)",
            name, d.maxAbsError(), d.tolerance()));
      } else {
        c.detail(Console.Mark.FAIL, name + ": " + d.diagnosis());
        if (d.fix() != null && !d.fix().equals(py.fix())) {
          c.detail("  fix: " + d.fix());
        }
      }
    }
  }
}
