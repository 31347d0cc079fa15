package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.verify.SelfLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The side contract against the Java worker of the packaged jar, natively. */
class JavaSideContractIT extends SideContract {

  @Override
  Backend backend() {
    return Backend.DJL;
  }

  @Override
  CommandResult run(Consumer<Dialog> conversation) {
    List<String> argv = new ArrayList<>(new SelfLauncher(Jar.java(), SelfLauncher.WORKER_FLAGS, Jar.path().toString()).prefix());
    argv.addAll(SETTINGS);
    return Jar.RUNNER.run(CommandSpec.of(timeout(), argv).withDialog(conversation));
  }
}
