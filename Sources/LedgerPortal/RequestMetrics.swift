import Hummingbird
import Prometheus

/// Counts every answer by route (the pattern, `/agency/{code}`, not the path a visitor
/// typed, so the series stay few) and status, as `reformledger_http_requests_total`.
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            count(context, status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            count(context, status: error.status.code)
            throw error
        } catch {
            count(context, status: 500)
            throw error
        }
    }

    private func count(_ context: Context, status: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "reformledger", metricName: "http_requests", unitName: "total", helpText: "HTTP answers of the portal, by route and status."),
            labels: [("route", context.endpointPath ?? "unmatched"), ("status", String(status))]
        ).increment()
    }
}
