export { Scheduler } from './fsrs-scheduler'
export {
  grades,
  type Grade,
  type GradeOutcome,
  type Schedule,
  type SchedulerSettings,
  type ScheduleState,
} from './schedule'
