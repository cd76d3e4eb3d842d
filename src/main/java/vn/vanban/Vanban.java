package vn.vanban;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.vanban.bench.BenchCommand;
import vn.vanban.cli.CitesCommand;
import vn.vanban.cli.CompileCommand;
import vn.vanban.cli.DeadlinesCommand;
import vn.vanban.cli.ExtractCommand;
import vn.vanban.cli.IngestCommand;
import vn.vanban.cli.ReindexCommand;
import vn.vanban.cli.SearchCommand;
import vn.vanban.cli.ServeCommand;
import vn.vanban.config.Contexts;

/** Vanban's entry point: with no arguments it serves; otherwise it runs the named command. */
@io.swagger.v3.oas.annotations.OpenAPIDefinition(info = @io.swagger.v3.oas.annotations.info.Info(title = "Vanban",
        version = "0.1", description = "Document repository with full-text search for Vietnamese government offices"))
@Command(name = "vanban", mixinStandardHelpOptions = true, scope = picocli.CommandLine.ScopeType.INHERIT, version = "Vanban 0.1",
        description = "Document repository with full-text search for Vietnamese government offices.",
        subcommands = {ServeCommand.class, IngestCommand.class, SearchCommand.class, ExtractCommand.class,
                ReindexCommand.class, vn.vanban.cli.BackupCommand.class, vn.vanban.cli.RestoreCommand.class, vn.vanban.cli.MailCommand.class, vn.vanban.cli.RemindCommand.class, vn.vanban.cli.TagCommand.class, vn.vanban.cli.TrashCommand.class, CitesCommand.class, CompileCommand.class, DeadlinesCommand.class,
                BenchCommand.class, vn.vanban.bench.EvalCommand.class, vn.vanban.bench.RelationsEvalCommand.class, vn.vanban.bench.DeadlinesEvalCommand.class, vn.vanban.bench.CompileEvalCommand.class,
                vn.vanban.bench.GenerateCommand.class,
                vn.vanban.bench.LoadBenchCommand.class, vn.vanban.bench.ScaleBenchCommand.class, vn.vanban.hardening.HardeningCommand.class})
public class Vanban implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command named by {@code args} (serve when empty) and returns its exit code. */
    public static int run(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        try (ApplicationContext context = Contexts.builder(Contexts.needsStore(effective), Map.of()).start()) {
            // usage and version need no beans: commands are made without injection, so none opens the repository
            CommandLine cli = Contexts.asksHelp(effective) ? new CommandLine(Vanban.class)
                    : new CommandLine(Vanban.class, new MicronautFactory(context));
            cli.registerConverter(java.time.LocalDate.class, vn.vanban.cli.CliErrors::date);
            // "vanban search tiền lương -thưởng": a word typed with a minus is the query's exclusion, not an option
            cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
                cmd.getErr().println("lỗi: " + vn.vanban.cli.CliErrors.explain(e));
                return 1;
            });
            cli.setParameterExceptionHandler((e, args2) -> {
                CommandLine cmd = e.getCommandLine();
                cmd.getErr().println("lỗi: " + vn.vanban.cli.CliErrors.explain(e));
                cmd.getErr().println("xem cách dùng: vanban " + (cmd.getCommandName().equals("vanban") ? "" : cmd.getCommandName() + " ")
                        + "--help");
                return 2;
            });
            return cli.execute(effective);
        } catch (RuntimeException e) {
            System.err.println("lỗi: không khởi động được Vanban: " + vn.vanban.cli.CliErrors.explain(e));
            return 1;
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
