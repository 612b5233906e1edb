import { describeExercises } from './gradeAll';

describeExercises('rabbitmq');
