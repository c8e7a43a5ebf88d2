package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month-end rehearsal that trains each service's JDK 25 AOT cache (JEP 483/515): the services run from their
 * extracted jars with {@code -XX:AOTCacheOutput} through every load a month-end brings (the bulk approval as the
 * approval benchmark sends it, and the close: the wizard, a billing run, the wizard saturated and paced), on data of
 * their own, and write, as they are stopped, the classes they loaded and the method profiles their JIT gathered. Started
 * from such a cache, a service compiles the month-end's code from those profiles at once instead of learning it again
 * while the month-end runs (a close runs once a month: a service up for weeks still meets it cold).
 *
 * <p>The caches live in {@code infra/local-stack/target/workload-aot/<service>/app.aot}; the benchmarks and the local
 * stack start from them when they fit: trained from the same jar, on this JDK, with the same JVM options (otherwise the
 * JVM would ignore them with a warning, or the profiles would be of other code). A cache trained on one load only can
 * cost more than it gives on another (the approval from caches trained on the close alone: 9.2 s instead of 6.9),
 * hence every load here.
 */
public final class MonthEndTraining {
    /**
     * The rehearsal's sizes: the approval benchmark's bulk approval at 60 %, the close benchmark's rounds without its
     * second billing run. Half of each wizard round (475 invoices) instead left the services' compilers 4.3 s of the
     * measured paced round against 1.0-2.2 s after a whole close, and its p99 at 222 ms against 102-119.
     */
    private static final int APPROVED_IN_BULK = 60_000, WIZARD = 250, BILLING_RUN = 1_000, WIZARD_SATURATED = 325, WIZARD_PACED = 500;

    private MonthEndTraining() {
    }

    /** Trains the caches with the services' JVM options (infra/service-jvm.options) even if fitting ones exist. */
    public static void main(String[] args) throws Exception {
        train(ServiceJvm.options());
        System.exit(0);
    }

    static Path directory(Service service) {
        return LocalStack.projectRoot().resolve("infra/local-stack/target/workload-aot").resolve(service.serviceName());
    }

    static Path cache(Service service) {
        return directory(service).resolve("app.aot");
    }

    /** The jar the cache was trained from, extracted; the same code as the service's jar when {@link #fits} says so. */
    static Path extractedJar(Service service) {
        return directory(service).resolve(service.runnableJar(LocalStack.projectRoot()).getFileName());
    }

    /** The service's extracted jar and its trained cache, to start from when {@link #fits} says so. */
    static AotCache.Prepared trained(Service service) {
        return new AotCache.Prepared(extractedJar(service), cache(service));
    }

    /**
     * What the benchmarks start from: by default the fitting caches, trained first if there are none;
     * {@code HOURBILL_AOT=retrain} fresh caches; {@code HOURBILL_AOT=none} no cache.
     */
    static BenchmarkStack.WorkloadCache ensureTrained(List<String> jvm) throws Exception {
        switch (System.getenv().getOrDefault("HOURBILL_AOT", "").strip().toLowerCase(Locale.ROOT)) {
            case "none" -> {
                return BenchmarkStack.WorkloadCache.NONE;
            }
            case "retrain" -> train(jvm);
            case "" -> {
                if (!fits(List.of(Service.values()), jvm)) train(jvm);
            }
            default -> throw new IllegalArgumentException("HOURBILL_AOT is none, retrain or not set");
        }
        return BenchmarkStack.WorkloadCache.USE;
    }

    /** Whether every service has a cache trained from its jar as built now, on this JDK, with these options. */
    static boolean fits(List<Service> services, List<String> jvm) throws IOException {
        for (Service service : services) {
            Path trainedWith = trainedWith(service);
            if (!Files.exists(cache(service)) || !Files.exists(trainedWith)
                    || !AotCache.isExtractedFrom(service.runnableJar(LocalStack.projectRoot()), directory(service))
                    || !Files.readString(trainedWith).equals(fingerprint(service, jvm))) {
                return false;
            }
        }
        return true;
    }

    /** Runs the rehearsal on a stack of its own and checks that every service wrote its cache. */
    static void train(List<String> jvm) throws Exception {
        long start = System.nanoTime();
        System.out.println("Training the services' AOT caches on a month-end rehearsal (its own data; see MonthEndTraining)...");
        Map<Service, String> fingerprints = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Files.deleteIfExists(cache(service));
            Files.deleteIfExists(trainedWith(service));
            fingerprints.put(service, fingerprint(service, jvm));
        }
        try (BenchmarkStack stack = BenchmarkStack.start(List.of(Service.values()), jvm, MonthEndCloseBenchmark.PROPERTIES,
                BenchmarkStack.WorkloadCache.TRAIN)) {
            rehearse(stack);
            System.out.println("  rehearsal done; the services write their caches as they stop...");
        }
        for (Service service : Service.values()) {
            if (!Files.exists(cache(service)) || Files.size(cache(service)) == 0) {
                throw new IllegalStateException(service.serviceName() + " wrote no AOT cache: see infra/local-stack/target/benchmark/logs");
            }
            Files.writeString(trainedWith(service), fingerprints.get(service));
        }
        System.out.printf("Trained in %.0f s: caches in %s%n", (System.nanoTime() - start) / 1e9, cache(Service.BILLING).getParent().getParent());
    }

    /** A month as it ends: the hours approved in bulk, then the close (as the close benchmark runs it). */
    private static void rehearse(BenchmarkStack stack) throws Exception {
        Api api = new Api(BenchmarkStack.issuer());
        try (Connection billing = stack.connect(Service.BILLING); Connection frameOrders = stack.connect(Service.FRAME_ORDER)) {
            SubmittedEntries bulk = SubmittedEntries.create(api, stack.url(Service.TIMESHEET), stack.jdbcUrl(Service.TIMESHEET), 10,
                    APPROVED_IN_BULK, "BULK");
            var approval = MonthEndApprovalBenchmark.approveAndWait(stack.url(Service.TIMESHEET), billing, bulk.entryIds(), 0);
            System.out.printf("  the bulk approval: %,d entries into billing's pool in %.1f s%n", APPROVED_IN_BULK,
                    approval.endToEnd().toMillis() / 1000.0);
            var customers = new MonthEndCloseBenchmark.Slices(MonthEndCloseBenchmark.seedCustomers(api, stack, billing, frameOrders,
                    WIZARD + BILLING_RUN + WIZARD_SATURATED + WIZARD_PACED));
            MonthEndCloseBenchmark.close(api, stack, billing, customers.take(WIZARD / 2), 0);
            MonthEndCloseBenchmark.billingRun(api, stack, billing, customers.take(BILLING_RUN), () -> { });
            MonthEndCloseBenchmark.close(api, stack, billing, customers.take(WIZARD / 2), 0);
            var saturated = MonthEndCloseBenchmark.close(api, stack, billing, customers.take(WIZARD_SATURATED), 0);
            MonthEndCloseBenchmark.close(api, stack, billing, customers.take(WIZARD_PACED), saturated.invoicesPerSecond() / 2);
            System.out.printf("  the close: %d invoices through the wizard, %d in a billing run%n", WIZARD + WIZARD_SATURATED + WIZARD_PACED,
                    BILLING_RUN);
        }
    }

    private static Path trainedWith(Service service) {
        return directory(service).resolve("trained-with.txt");
    }

    /**
     * A cache fits only the jar, JDK and options it was trained with. The jar by its content: the build is reproducible
     * (project.build.outputTimestamp), so a rebuild of unchanged code keeps the cache.
     */
    private static String fingerprint(Service service, List<String> jvm) throws IOException {
        Path jar = service.runnableJar(LocalStack.projectRoot());
        if (!Files.exists(jar)) return "no jar";
        return AotCache.sha256(jar) + "\n" + System.getProperty("java.vm.version") + "\n" + String.join("\n", jvm) + "\n";
    }
}
