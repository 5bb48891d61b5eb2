import OperatorRuntime
import OperatorServing

/// The controller loop reports into the operator's metrics, and `/metrics` serves them.
extension OperatorMetrics: ControllerMetrics, MetricsExposition {}
