/** Finds the deadlines a document sets (dates, months, quarters, recurring rules) and the tasks it assigns. */
package vn.vanban.deadline;
